## The notification centre, its settings, unsubscribing, and live updates.

nav-notifications = Benachrichtigungen
nav-notifications-label = Benachrichtigungen, { $count } ungelesen
notifications-new-live = Sie haben eine neue Benachrichtigung.
notifications-title = Benachrichtigungen
notifications-settings-link = Benachrichtigungseinstellungen
notifications-unread = Ungelesen: { $count }
notifications-empty = Noch nichts. Buchungen, Erinnerungen und Auszahlungen erscheinen hier.
notifications-read-all = Alle als gelesen markieren
notifications-new = Neu
notifications-open = Öffnen
notifications-pages = Weitere Benachrichtigungen
notifications-newer = Neuere
notifications-older = Ältere
notifications-settings-title = Benachrichtigungseinstellungen
notifications-settings-lead = Wählen Sie, wie Mentora Sie über jede Art von Neuigkeit informiert: hier in Mentora, per E-Mail oder beides.
notifications-settings-saved = Ihre Benachrichtigungseinstellungen sind gespeichert.
notifications-settings-save = Einstellungen speichern
notifications-channel-in-app = In Mentora
notifications-channel-email = Per E-Mail
notifications-essential-note = Manche E-Mails kommen immer, egal was Sie wählen: Sicherheitshinweise, Entscheidungen zu Ihrem Expertenprofil sowie Bestätigungen, Verschiebungen, Absagen, Erstattungen, Auszahlungen und Rückbuchungen von Sitzungen.
notifications-topic-unknown = Unbekanntes Thema: verwenden Sie bookings, reminders, reviews, payouts, applications oder security.
notifications-topic-bookings = Buchungen
notifications-topic-bookings-hint = Reservierungen, Bestätigungen, Verschiebungen, Vorschläge und Absagen.
notifications-topic-reminders = Erinnerungen
notifications-topic-reminders-hint = Einen Tag und eine Stunde vor jeder Sitzung.
notifications-topic-reviews = Bewertungen
notifications-topic-reviews-hint = Nach einer Sitzung die Frage, wie sie war.
notifications-topic-payouts = Auszahlungen
notifications-topic-payouts-hint = Geld, das Sie als Expertin oder Experte erhalten, und Rückbuchungen.
notifications-topic-applications = Expertenprofil
notifications-topic-applications-hint = Entscheidungen zu Ihrer Bewerbung, Sperrung und Wiederzulassung.
notifications-topic-security = Sicherheit
notifications-topic-security-hint = Sperren und Änderungen Ihrer Anmeldeadresse.
unsubscribe-title = Abbestellen
unsubscribe-ask = Keine E-Mails mehr zu { $topic }? In Mentora sehen Sie sie weiterhin.
unsubscribe-confirm = Diese E-Mails abbestellen
unsubscribe-done = Erledigt: keine E-Mails mehr zu { $topic }.
unsubscribe-settings = Alle Benachrichtigungseinstellungen
unsubscribe-invalid = Dieser Abmeldelink ist ungültig. Melden Sie sich an und öffnen Sie Ihre Benachrichtigungseinstellungen.
email-unsubscribe-link = Diese E-Mails abbestellen
slots-taken-live = Jemand anderes hat gerade einen Termin gebucht, den Sie angesehen haben; die angezeigten Zeiten sind weiterhin frei.
booking-changed-live = Diese Buchung hat sich gerade geändert.

notification-security-alert = Ein Sicherheitsereignis in Ihrem Konto: eine Sperre oder eine Adressänderung. Prüfen Sie Ihre Anmeldungen.
notification-application-decided = Es gibt eine Entscheidung zu Ihrem Expertenprofil.
notification-booking-held = { $other } bucht Ihre Zeit am { $when } und bezahlt gerade.
notification-booking-confirmed = Ihre Sitzung mit { $other } am { $when } ist bestätigt.
notification-booking-rescheduled = Ihre Sitzung mit { $other } wurde auf { $when } verschoben.
notification-booking-cancelled = Ihre Sitzung mit { $other } am { $when } wurde abgesagt. Erstattung: { $refund }.
notification-booking-late-refund = Eine Zahlung für { $when } kam nach Ablauf der Reservierung, und die Zeit war vergeben: { $refund } wurden erstattet.
notification-proposal-made = { $other } schlägt vor, Ihre Sitzung auf { $when } zu verschieben.
notification-proposal-accepted = { $other } hat Ihren Terminvorschlag angenommen: { $when }.
notification-proposal-declined = { $other } bleibt beim ursprünglichen Termin: { $when }.
notification-no-show-claimed = { $other } gibt an, dass die Sitzung am { $when } nicht stattfand; das Team entscheidet.
notification-reminder-24h = Erinnerung: Ihre Sitzung mit { $other } ist morgen, { $when }.
notification-reminder-1h = Ihre Sitzung mit { $other } beginnt in einer Stunde, um { $when }.
notification-review-request = Wie war Ihre Sitzung mit { $other }? Erzählen Sie anderen, was Sie gelernt haben.
notification-review-received = { $other } hat Ihre Sitzung vom { $when } bewertet. Sie können einmal antworten, auf der Seite der Sitzung.
notification-paid-out = Ihr Anteil an der Sitzung am { $when } wurde ausgezahlt: { $refund }.
notification-dispute-opened = Die Bank des Lernenden hat die Zahlung für { $when } angefochten; Ihr Anteil wird bis zum Ende einbehalten.

email-booking-proposal-accepted-subject = Ihr Terminvorschlag wurde angenommen
email-booking-proposal-accepted-body =
    Hallo { $name },

    { $other } hat Ihren Terminvorschlag angenommen. Die Sitzung ist jetzt am { $when }.

    Details: { $link }
email-booking-proposal-declined-subject = Ihr Terminvorschlag wurde abgelehnt
email-booking-proposal-declined-body =
    Hallo { $name },

    { $other } bleibt beim ursprünglichen Termin. Die Sitzung bleibt am { $when }.

    Details: { $link }
email-booking-reminder-24h-subject = Morgen: Ihre Mentora-Sitzung
email-booking-reminder-24h-body =
    Hallo { $name },

    Zur Erinnerung: Ihre Sitzung mit { $other } ist morgen, { $when }.

    Details und Änderungen: { $link }

    Der Sitzung beitreten: { $room }
    Probleme mit Kamera oder Mikrofon? { $help }
email-booking-reminder-1h-subject = In einer Stunde: Ihre Mentora-Sitzung
email-booking-reminder-1h-body =
    Hallo { $name },

    Ihre Sitzung mit { $other } beginnt in einer Stunde, um { $when }.

    Details: { $link }

    Der Sitzung beitreten: { $room }
    Probleme mit Kamera oder Mikrofon? { $help }
email-booking-review-request-subject = Wie war Ihre Sitzung?
email-booking-review-request-body =
    Hallo { $name },

    Wie war Ihre Sitzung mit { $other } am { $when }? Ein paar Worte helfen anderen bei der Wahl.

    Ihre Sitzung: { $link }
email-booking-review-received-subject = Sie haben eine neue Bewertung
email-booking-review-received-body =
    Hallo { $name },

    { $other } hat Ihre Sitzung vom { $when } bewertet. Lesen Sie sie und antworten Sie, wenn Sie möchten, einmal: Ihre Antwort erscheint unter der Bewertung in Ihrem Profil.

    Die Sitzung: { $link }
