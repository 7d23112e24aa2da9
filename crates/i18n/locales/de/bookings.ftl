# Bookings: holding a slot, test-mode checkout, the booking page, dashboards, calendar feeds.

nav-my-sessions = Meine Sitzungen
nav-my-schedule = Mein Terminplan

availability-policy = Stornierungsbedingungen
availability-policy-hint = Werden bei jeder Buchung zum Zeitpunkt der Buchung festgeschrieben. Wenn Sie selbst stornieren, erhalten Lernende immer eine volle Erstattung.
availability-policy-invalid = Wählen Sie eine der aufgeführten Bedingungen.
policy-flexible = Flexibel: volle Erstattung bis 2 Stunden vorher, danach keine
policy-moderate = Moderat: volle Erstattung bis 24 Stunden vorher, halbe Erstattung bis 2 Stunden vorher, danach keine
policy-strict = Streng: volle Erstattung bis 7 Tage vorher, halbe Erstattung bis 48 Stunden vorher, danach keine

error-slot-unavailable-title = Dieser Termin ist nicht mehr frei
error-slot-unavailable-detail = Jemand anderes hat ihn reserviert oder gebucht, oder er passt nicht mehr zu den Zeiten des Experten. Wählen Sie einen anderen Termin.
error-learner-busy-title = Sie haben zu dieser Zeit bereits eine Sitzung
error-learner-busy-detail = Sie haben eine andere Sitzung reserviert oder gebucht, die sich mit dieser Zeit überschneidet.
error-expert-not-bookable-title = Dieser Experte kann derzeit nicht gebucht werden
error-expert-not-bookable-detail = Der Experte nimmt derzeit keine Buchungen an.
error-own-session-title = Sie können sich nicht selbst buchen
error-own-session-detail = Experten können keine Sitzungen bei sich selbst buchen.
error-idempotency-key-reused-title = Idempotency-Key bereits verwendet
error-idempotency-key-reused-detail = Dieser Idempotency-Key wurde für eine andere Anfrage verwendet. Verwenden Sie für eine neue Anfrage einen neuen Schlüssel.
error-invalid-transition-title = In diesem Status nicht möglich
error-invalid-transition-detail = Eine Buchung im Status { $from } kann nicht in den Status { $to } wechseln.
error-payment-declined-title = Zahlung abgelehnt
error-payment-declined-detail = Die Zahlung wurde abgelehnt. Der Termin bleibt reserviert, bis die Reservierung abläuft; versuchen Sie es erneut.
error-no-proposal-title = Kein Terminvorschlag
error-no-proposal-detail = Der Experte hat für diese Buchung keinen anderen Termin vorgeschlagen.

booking-start-invalid = Geben Sie den Beginn als RFC-3339-Zeitpunkt an, z. B. 2026-12-07T10:00:00Z.
booking-duration-invalid = Geben Sie eine Sitzungsdauer zwischen 5 und 480 Minuten an.
booking-duration-not-offered = Der Experte bietet keine Sitzungen dieser Dauer an.
booking-note-too-long = Halten Sie die Notiz unter 2000 Zeichen.
booking-expert-unknown = Diesen Experten gibt es nicht.
booking-reason-too-long = Halten Sie die Begründung unter 500 Zeichen.
booking-reason-required = Geben Sie einen Grund an, damit die andere Seite Bescheid weiß.
booking-status-unknown = Verwenden Sie completed, no_show_learner, no_show_expert, disputed oder resolved.

booking-note-label = Notiz für den Experten (optional)
booking-note-hint = Woran Sie arbeiten möchten. Nur der Experte sieht die Notiz.
booking-hold-explained = Wir reservieren diesen Termin für Sie, während Sie bezahlen. Stornierungsbedingungen: { $policy }.
booking-hold = Termin reservieren und bezahlen
booking-log-in-to-book = Zum Buchen dieses Termins anmelden

checkout-title = Sitzung bezahlen
checkout-test-mode-note = Es wird keine echte Zahlung ausgeführt: Dies ist die Sandbox-Zahlungsseite.
checkout-declined = Die Zahlung wurde abgelehnt. Ihr Termin ist weiterhin reserviert; versuchen Sie es erneut.
checkout-held-until = Für Sie reserviert bis
checkout-hold-note = Wenn Sie bis dahin nicht bezahlen, wird der Termin für andere freigegeben.
checkout-pay = { $price } bezahlen (Test)
checkout-decline = Abgelehnte Zahlung simulieren

booking-title = Ihre Sitzung
booking-expert = Experte
booking-learner = Lernende/r
booking-when = Wann
booking-refunded = Erstattet
booking-policy = Stornierungsbedingungen
booking-note = Notiz
booking-go-to-checkout = Zur Zahlung
booking-proposal-title = Neuer Termin vorgeschlagen
booking-proposal-body = Der Experte schlägt vor, diese Sitzung auf { $when } zu verschieben.
booking-proposal-accept = Neuen Termin annehmen
booking-proposal-decline = Aktuellen Termin beibehalten
booking-cancel-title = Diese Sitzung stornieren
booking-cancel-refund = Wenn Sie jetzt stornieren, werden { $refund } erstattet.
booking-cancel-reason = Grund
booking-cancel-confirm = Sitzung stornieren
booking-timeline = Verlauf
booking-times-in = Zeiten werden in der Zeitzone { $zone } angezeigt.
booking-back = Zurück zu Ihren Sitzungen
booking-status-held = Reserviert, Zahlung ausstehend
booking-status-confirmed = Bestätigt
booking-status-expired = Reservierung abgelaufen
booking-status-cancelled = Storniert
booking-status-rescheduled = Auf einen anderen Termin verschoben
booking-status-completed = Abgeschlossen
booking-status-no-show-learner = Lernende/r nicht erschienen
booking-status-no-show-expert = Experte nicht erschienen
booking-status-disputed = Streitfall offen
booking-status-resolved = Streitfall beigelegt
booking-actor-learner = durch die lernende Person
booking-actor-expert = durch den Experten
booking-actor-admin = durch einen Administrator
booking-actor-system = durch Mentora

my-sessions-title = Meine Sitzungen
my-schedule-title = Mein Terminplan
sessions-tabs = Welche Sitzungen
sessions-tab-upcoming = Anstehend
sessions-tab-past = Vergangen
sessions-tab-cancelled = Storniert
sessions-empty = Hier ist noch nichts.
sessions-with = Mit
sessions-status = Status

feed-title = Kalender-Feed
feed-body = Abonnieren Sie Ihre Sitzungen über eine private Adresse in Google Calendar, Outlook oder Apple Calendar.
feed-url = Ihre private Feed-Adresse
feed-url-once = Kopieren Sie sie jetzt: Sie wird nur einmal angezeigt. Jeder, der sie kennt, kann Ihre Sitzungen sehen; erstellen Sie eine neue, um die alte zu deaktivieren.
feed-create = Feed-Adresse erstellen
feed-renew = Feed-Adresse ersetzen
feed-revoke = Feed beenden

email-booking-confirmed-subject = Ihre Mentora-Sitzung ist bestätigt
email-booking-confirmed-body = Guten Tag { $name },

    Ihre Sitzung mit { $other } ist für { $when } bestätigt. Mit der angehängten Einladung wird sie in Ihren Kalender eingetragen.

    Details und Änderungen: { $link }

    Der Sitzung beitreten (der Raum öffnet 10 Minuten vorher): { $room }
    Probleme mit Kamera oder Mikrofon? { $help }
email-booking-rescheduled-subject = Ihre Mentora-Sitzung wurde verschoben
email-booking-rescheduled-body = Guten Tag { $name },

    Ihre Sitzung mit { $other } findet jetzt am { $when } statt. Die angehängte Einladung aktualisiert Ihren Kalender.

    Details: { $link }

    Der Sitzung beitreten (der Raum öffnet 10 Minuten vorher): { $room }
    Probleme mit Kamera oder Mikrofon? { $help }
email-booking-cancelled-subject = Ihre Mentora-Sitzung wurde storniert
email-booking-cancelled-body = Guten Tag { $name },

    Ihre Sitzung mit { $other } am { $when } wurde storniert. Erstattung an die lernende Person: { $refund }. Die angehängte Einladung entfernt sie aus Ihrem Kalender.

    Details: { $link }
email-booking-proposed-subject = Für Ihre Sitzung wurde ein neuer Termin vorgeschlagen
email-booking-proposed-body = Guten Tag { $name },

    { $other } schlägt vor, Ihre Sitzung von { $when } auf { $proposed } zu verschieben. Nehmen Sie den neuen Termin an, oder behalten Sie den aktuellen bei: { $link }
email-booking-late-refund-subject = Ihre Zahlung wurde erstattet
email-booking-late-refund-body = Guten Tag { $name },

    Ihre Zahlung für die Sitzung mit { $other } am { $when } ist erst nach Ablauf der Reservierung eingegangen, und der Termin war zu diesem Zeitpunkt bereits vergeben. Wir haben Ihnen { $refund } vollständig erstattet.

    Details: { $link }

booking-move-title = Diese Sitzung verschieben
booking-move-learner = Wählen Sie einen anderen freien Termin; die Zahlung wird auf den neuen Termin übertragen.
booking-move-expert = Schlagen Sie einen anderen freien Termin vor; die lernende Person nimmt ihn an oder behält den aktuellen bei.
booking-move-new-time = Neuer Termin ({ $zone })
booking-move-choose = Wählen Sie einen der aufgeführten Termine.
booking-move-confirm = Sitzung verschieben
booking-move-propose = Diesen Termin vorschlagen
admin-expert-cancellations = Vom Experten stornierte Sitzungen
email-booking-late-refund-expert-subject = Eine verspätete Zahlung wurde erstattet
email-booking-late-refund-expert-body = Guten Tag { $name },

    { $other } hat für eine Sitzung am { $when } erst nach Ablauf der Reservierung bezahlt, und zu diesem Zeitpunkt war der Termin bereits von jemand anderem gebucht. Mentora hat { $refund } vollständig erstattet; an Ihrem Terminplan ändert sich nichts.

    Details: { $link }

field-cursor-invalid = Verwenden Sie den next_cursor-Wert der vorherigen Seite unverändert.
field-limit-invalid = Fordern Sie 1 bis 200 Buchungen pro Seite an.
error-currency-not-chargeable-title = In dieser Währung werden keine Zahlungen angenommen
error-currency-not-chargeable-detail = Der Zahlungsdienstleister kann in der Währung dieser Expertin bzw. dieses Experten nicht abrechnen, daher kann die Sitzung nicht gebucht werden.
error-price-not-chargeable-title = Dieser Preis kann nicht abgerechnet werden
error-price-not-chargeable-detail = Der Zahlungsdienstleister kann diesen Preis nicht abrechnen: Er muss mindestens { $minimum } betragen, in Beträgen, die er annimmt. Wählen Sie eine andere Dauer oder eine andere Person.
checkout-time-left = Verbleibende Zeit
checkout-hold-lapsed = Die Reservierung ist abgelaufen
checkout-pay-card = { $price } bezahlen
checkout-card-note = Kartendaten gehen direkt an Stripe, unseren Zahlungsdienstleister; Mentora sieht sie nie.
checkout-complete-title = Ihre Zahlung wird bestätigt
checkout-complete-waiting = Ihre Zahlung wird bestätigt. Diese Seite geht gleich von selbst weiter.
checkout-complete-booking-link = Zur Buchung
receipt-title = Beleg
receipt-number = Belegnummer { $number }
receipt-sandbox = Testmodus: Es wurde keine echte Zahlung eingezogen.
receipt-paid-at = Bezahlt am
receipt-paid = Bezahlt
receipt-refund = Erstattet am { $date }
receipt-refund-pending = unterwegs
receipt-kept = Insgesamt bezahlt
receipt-reference = Zahlungsreferenz
receipt-print-hint = Drucken Sie diese Seite oder speichern Sie sie als PDF über das Druckmenü Ihres Browsers.
booking-receipt-link = Beleg
booking-cancel-ask-title = Diese Sitzung absagen?
booking-cancel-ask-what = Ihre Sitzung mit { $name } am { $when } wird für beide abgesagt.
booking-cancel-keep = Sitzung behalten
booking-cancel-yes = Ja, Sitzung absagen
booking-booked-title = Ihre Sitzung mit { $name } ist gebucht.
booking-booked-body = Eine Bestätigung mit Kalendereinladung ist per E-Mail unterwegs. Der Raum öffnet 10 Minuten vor Beginn.
booking-add-to-calendar = Zum Kalender hinzufügen
booking-calendar-file = Kalenderdatei (.ics)
booking-contact = Fragen vor der Sitzung? Schreiben Sie { $name }:
booking-reason-accepted-proposal = hat den vom Experten vorgeschlagenen Termin angenommen
booking-sign-up-to-book = Neu hier? Konto erstellen
booking-cancel-ask-what-operator = Die Sitzung zwischen { $expert } und { $learner } am { $when } wird für beide abgesagt.
