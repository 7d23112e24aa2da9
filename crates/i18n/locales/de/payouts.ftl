# Auszahlungen an Fachleute, Rückbuchungen und Einnahmen.
email-booking-paid-out-subject = Sie wurden für eine Sitzung bezahlt
email-booking-paid-out-body = Hallo { $name },

    wir haben { $refund } für Ihre Sitzung mit { $other } am { $when } an Ihr Auszahlungskonto gesendet. Ihr Zahlungsanbieter überweist den Betrag im üblichen Rhythmus auf Ihr Bankkonto.

    Details: { $link }
email-booking-chargeback-subject = Eine Zahlung für Ihre Sitzung wird angefochten
email-booking-chargeback-body = Hallo { $name },

    die Bank von { $other } hat die Zahlung für Ihre Sitzung am { $when } angefochten. Ihr Anteil an dieser Sitzung wird bis zum Ende des Verfahrens zurückgehalten; wurde er bereits ausgezahlt, wird er vorerst zurückgebucht und erneut ausgezahlt, wenn das Verfahren gewonnen wird.

    Details: { $link }
email-payout-failed-subject = Eine Auszahlung an Ihre Bank ist fehlgeschlagen
email-payout-failed-body = Hallo { $name },

    Ihr Zahlungsanbieter konnte { $amount } nicht auf Ihr Bankkonto überweisen: { $reason }

    Bitte prüfen Sie Ihre Bankdaten in den Auszahlungseinstellungen: { $link }
refund-amount-invalid = Geben Sie einen Betrag über null und höchstens den noch erstattbaren Rest ein, in Schritten, die der Zahlungsanbieter erstatten kann.
nav-earnings = Einnahmen
earnings-title = Ihre Einnahmen
earnings-lead = Ihr Anteil an jeder bezahlten Sitzung und wo er steht. Der Anteil einer Sitzung wird { $hours } Stunden nachdem sie als gehalten markiert wurde an Ihr Auszahlungskonto gezahlt, sofern die lernende Person sie nicht anficht.
earnings-csv = Als CSV herunterladen
earnings-payout-settings = Auszahlungseinstellungen
earnings-empty = Noch keine bezahlten Sitzungen. Sobald Lernende Sitzungen bei Ihnen bezahlen, erscheint Ihr Anteil hier.
earnings-stage-upcoming = Anstehende Sitzungen
earnings-stage-window = In der Einspruchsfrist
earnings-stage-held = Wegen Anfechtung zurückgehalten
earnings-stage-available = Verfügbar, nächste Auszahlung
earnings-stage-paid-out = Ausgezahlt
earnings-stage-nothing = Erstattet, nichts auszuzahlen
earnings-sessions = Sitzungen
earnings-times-in = Zeiten in { $zone }.
earnings-paid = Von der lernenden Person bezahlt
earnings-share = Ihr Anteil
earnings-stage = Stand
earnings-bank-payouts = Auszahlungen an Ihre Bank
earnings-payout-paid = Auf Ihr Bankkonto überwiesen
earnings-payout-pending = Unterwegs
earnings-payout-failed = Fehlgeschlagen
earnings-payout-canceled = Storniert
payments-ledger-title = Saldenliste
payments-search-title = Bezahlte Buchungen
payments-search-label = Buchung, lernende Person oder Fachperson
payments-search-hint = Eine Buchungs-ID oder ein Teil einer E-Mail-Adresse oder eines Namens.
payments-search = Suchen
payments-search-none = Keine bezahlte Buchung passt.
payments-learner = Lernende Person
payments-expert = Fachperson
payments-status = Status
payments-paid-refunded = Bezahlt / erstattet
payments-refund-amount = Zu erstattender Betrag ({ $currency })
payments-refund-reason = Begründung (wird im Audit-Protokoll gespeichert)
payments-refund = Erstatten
payments-refund-decided = Erstattung beschlossen: Sie wird über den Zahlungsanbieter gesendet; wurde die Fachperson bereits bezahlt, wird ihr Anteil zuerst zurückgeholt.
payments-check-title = Journalprüfung
payments-check-ok = Das Journal war am { $at } ausgeglichen und stimmte mit dem Zahlungsanbieter überein.
payments-check-failed = Die Journalprüfung am { $at } hat Probleme gefunden:
payments-transfers-title = Ausstehende Überweisungen an Fachleute
payments-transfers-none = Keine: alle beschlossenen Überweisungen wurden ausgeführt.
payments-disputes-title = Rückbuchungen
payments-disputes-none = Keine Rückbuchungen.
payments-report-title = Provisionsbericht
payments-report-from = Von
payments-report-to = Bis (einschließlich)
payments-report-csv = Als CSV herunterladen
payments-report-none = In diesem Zeitraum wurde kein Geld bewegt.
payments-report-gross = Von Lernenden bezahlt
payments-report-refunded = Erstattet
payments-report-commission = Einbehaltene Provision
payments-report-paid-out = An Fachleute ausgezahlt
payments-period-invalid = Wählen Sie zwei Daten, das erste nicht nach dem zweiten.
rates-title = Wechselkurse
rates-lead = Die Kurse, aus denen die Schätzungen in der Währung der Besuchenden stammen. Ein Kurs gilt ab seinem Tag (UTC) bis zu einem späteren für dieselbe Währung. Lernenden wird immer in der Währung der Fachperson berechnet.
rates-saved = Kurs gespeichert. Schätzungen verwenden ihn ab seinem Tag.
rates-currency = Währung
rates-per-usd = Einheiten je US-Dollar
rates-from = Ab (UTC-Tag)
rates-set = Kurs festlegen
rates-upcoming = Angekündigt
rates-in-force = Heute gültig
rate-currency-invalid = Geben Sie einen dreistelligen ISO-4217-Währungscode ein, etwa EUR.
rate-value-invalid = Geben Sie eine Zahl über null mit höchstens neun Nachkommastellen ein, etwa 0.92.
rate-day-invalid = Geben Sie ein Datum wie 2026-12-31 ein oder lassen Sie das Feld für heute leer.
refund-changed-meanwhile = Die Erstattungen dieser Buchung haben sich geändert, seit die Seite angezeigt wurde (eine andere Erstattung wurde vorgenommen); es wurde nichts weiter erstattet. Prüfen Sie die Beträge und versuchen Sie es bei Bedarf erneut.
refund-while-disputed = Die Bank der lernenden Person ficht diese Zahlung an und hält das Geld zurück: keine Erstattung, bis das Verfahren endet.
rate-usd-fixed = Kurse gelten je US-Dollar, daher ist der Kurs des Dollars immer 1.
