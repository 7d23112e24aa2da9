## Externe Kalender: die Kalenderseite, ihre Fehler, der Hinweis auf einen nicht
## lesbaren Kalender und der Termin, der in den Kalender einer Expertin geschrieben wird.

calendars-title = Ihre Kalender
calendars-lead = Verbinden Sie die Kalender, die Sie schon nutzen. Ihre belegten Zeiten sperren Ihre Termine, damit niemand Sie bucht, wenn Sie beschäftigt sind, und Ihre bestätigten Sitzungen können in einem davon erscheinen.
calendars-experts-only = Kalender sind für Expertinnen und Experten: Belegte Zeiten in Ihrem Kalender verhindern Buchungen, wenn Sie beschäftigt sind. Bewerben Sie sich als Expertin oder Experte, um einen zu verbinden.
calendars-connected = Verbundene Kalender
calendars-none = Noch ist kein Kalender verbunden.
calendars-kind-caldav = CalDAV
calendars-kind-ics = Abonnierter Kalender
calendars-signed-in-as = Angemeldet als
calendars-health = Synchronisierung
calendars-healthy = Funktioniert: Belegte Zeiten werden planmäßig gelesen.
calendars-last-read = Zuletzt gelesen { $when }
calendars-never-read = Noch nicht gelesen
calendars-next-read = nächstes Lesen { $when }
calendars-which = Kalender
calendars-which-hint = Angehakte Kalender blockieren Ihre Zeit. Einer Ihrer Kalender (kein abonnierter Feed) kann Ihre bestätigten Sitzungen erhalten.
calendars-blocks = sperrt meine Zeit
calendars-receives = Nimmt meine Sitzungen auf
calendars-receives-none = Kein Kalender nimmt meine Sitzungen auf
calendars-busy-count = { $count ->
    [one] 1 belegte Zeit voraus
   *[other] { $count } belegte Zeiten voraus
}
calendars-unread-series = { $count ->
    [one] 1 Serientermin konnte nicht gelesen werden: Nur sein erster Termin sperrt Ihre Zeit.
   *[other] { $count } Serientermine konnten nicht gelesen werden: Nur ihre ersten Termine sperren Ihre Zeit.
}
calendars-keep-booking = Weiter Buchungen annehmen, solange dieser Kalender nicht gelesen werden kann
calendars-keep-booking-hint = Lernende sehen dann „Kalender nicht geprüft“ neben Ihren Zeiten. Aus: Ihre Zeiten pausieren, bis der Kalender wieder funktioniert.
calendars-share-names = Den Namen der lernenden Person in Sitzungsterminen zeigen
calendars-save = Kalenderauswahl speichern
calendars-reconnect = Mit einem neuen App-Passwort neu verbinden
calendars-reconnect-button = Neu verbinden
calendars-disconnect = Diesen Kalender trennen
calendars-caldav-title = Einen CalDAV-Kalender verbinden
calendars-caldav-lead = iCloud, Fastmail, Nextcloud, Radicale und die meisten anderen Kalenderdienste sprechen CalDAV. Verwenden Sie ein eigens für Mentora erstelltes App-Passwort, nicht Ihr Hauptpasswort.
calendars-field-url = Serveradresse
calendars-field-url-hint = Zum Beispiel https://caldav.icloud.com/ oder https://caldav.fastmail.com/ – die Adresse des Servers, Ihres Kalenderordners oder eines Kalenders.
calendars-field-username = Benutzername
calendars-field-password = App-Passwort
calendars-field-password-hint = Wird verschlüsselt gespeichert. Widerrufen Sie es jederzeit bei Ihrem Anbieter, um Mentora den Zugriff zu entziehen.
calendars-connect = Verbinden
calendars-feed-title = Einen Kalender abonnieren
calendars-feed-lead = Eine schreibgeschützte ICS-Adresse (Googles „Privatadresse im iCal-Format“, ein veröffentlichter Outlook-Kalender): Ihre Termine sperren Ihre Zeit; es wird nichts hineingeschrieben.
calendars-field-feed = Kalenderadresse
calendars-subscribe = Abonnieren
calendars-how-title = Wie aktuell belegte Zeiten sind
calendars-how = Jeder Kalender wird alle 10 Minuten gelesen, nur wenn er sich geändert hat. Bevor eine lernende Person eine Ihrer Zeiten reserviert, wird ein Kalender, der vor mehr als 2 Minuten gelesen wurde, erneut gelesen (außer er wartet nach einem Fehler auf einen neuen Versuch).
calendars-done-connected = Kalender verbunden. Seine belegten Zeiten sperren jetzt Ihre Termine.
calendars-done-unread = Kalender verbunden, aber er konnte noch nicht gelesen werden: Die Karte unten nennt den Grund.
calendars-done-saved = Kalenderauswahl gespeichert.
calendars-done-reconnected = Kalender neu verbunden und erneut gelesen.
calendars-done-disconnected = Kalender getrennt. Seine belegten Zeiten sperren Ihre Termine nicht mehr.

calendar-url-required = Geben Sie die Adresse des Kalenders ein.
calendar-url-invalid = Geben Sie eine Adresse ein, die mit https://, http:// oder webcal:// beginnt.
calendar-username-required = Geben Sie den Benutzernamen ein, mit dem Sie sich beim Kalender anmelden.
calendar-username-too-long = Der Benutzername ist zu lang.
calendar-password-required = Geben Sie ein App-Passwort ein.
calendar-password-too-long = Das App-Passwort ist zu lang.
calendar-receiving-read-only = Dieser Kalender ist schreibgeschützt (ein Abonnement oder nur zum Lesen freigegeben): Wählen Sie einen, in den Sie schreiben dürfen, für Ihre Sitzungen.
calendar-error-unauthorized = Der Kalenderserver hat Benutzernamen oder App-Passwort abgelehnt. Erstellen Sie ein neues App-Passwort und verbinden Sie neu.
calendar-error-gone = Den Kalender gibt es nicht mehr: Er wurde gelöscht oder verschoben.
calendar-error-unreadable = Unter dieser Adresse antwortet kein Kalender. Prüfen Sie, ob es die CalDAV- oder ICS-Adresse ist.
calendar-error-unreachable = Der Kalenderserver war nicht erreichbar. Mentora versucht es weiter.
calendar-error-refused = Der Kalenderserver hat die Anfrage abgelehnt.
calendar-error-no-calendars = Das Konto hat keinen Kalender mit Terminen.
calendar-error-private-address = Diese Adresse liegt in einem privaten Netz, das Mentora nicht erreicht. Verwenden Sie die öffentliche Adresse des Kalenders.
calendar-error-secret-unreadable = Mentora kann das für diesen Kalender gespeicherte Passwort oder die Adresse nicht mehr lesen. Verbinden Sie ihn neu (bei einem Abo: trennen und erneut abonnieren).
calendar-failing-paused = Bis er wieder funktioniert, können Lernende Ihre Zeiten nicht buchen.
calendar-failing-keep = Bis er wieder funktioniert, können Lernende Ihre Zeiten weiter buchen, markiert mit „Kalender nicht geprüft“.

notification-calendar-failing = Einer Ihrer Kalender kann nicht gelesen werden: { $other }
email-calendar-failing-subject = Ein mit Mentora verbundener Kalender kann nicht gelesen werden
email-calendar-failing-body = Guten Tag { $name },

    Mentora konnte einen Ihrer Kalender nicht lesen: { $reason }
    { $consequence }

    Beheben Sie es auf Ihrer Kalenderseite: { $link }

error-calendar-limit-title = Zu viele Kalender
error-calendar-limit-detail = Höchstens { $count } Kalenderverbindungen. Trennen Sie zuerst eine.

calendar-event-title = Mentora-Sitzung
calendar-event-title-named = Mentora-Sitzung mit { $learner }
calendar-event-description = { $expert_time } ({ $expert_zone })
    Zeit der lernenden Person: { $learner_time } ({ $learner_zone })
    Teilnehmen: { $join }
    Buchung: { $page }

availability-calendars = Belegte Zeiten aus Ihren eigenen Kalendern können Ihre Termine sperren.
availability-calendars-link = Ihre Kalender verbinden
slots-calendar-not-checked = Kalender nicht geprüft: Einer der Kalender dieser Person kann gerade nicht gelesen werden, eine angezeigte Zeit könnte sich also mit etwas überschneiden. Die Person nimmt weiter Buchungen an.

calendars-kind-google = Google Kalender
calendars-kind-microsoft = Microsoft 365
calendars-accounts-title = Google Kalender und Microsoft 365
calendars-accounts-lead = Melden Sie sich mit Ihrem Konto an: Mentora liest, wann Sie belegt sind, und trägt auf Wunsch Ihre Sitzungen in einen Ihrer Kalender ein. Sie können die Verbindung jederzeit trennen.
calendars-connect-google = Google Kalender verbinden
calendars-connect-microsoft = Microsoft 365 verbinden
calendars-sign-in-again = Erneut anmelden
calendar-error-signed-out = Das Konto gewährt Mentora keinen Zugriff mehr (widerrufen oder abgelaufen). Melden Sie sich erneut an.
calendars-sign-in-denied = Sie haben Mentora keinen Zugriff gewährt, daher wurde nichts verbunden.
calendars-sign-in-failed = Die Anmeldung wurde nicht abgeschlossen. Bitte versuchen Sie es erneut.
calendars-sign-in-other-account = Sie haben sich mit einem anderen Konto als dem dieser Verbindung angemeldet. Um dieses Konto hinzuzufügen, verwenden Sie „Verbinden“.
