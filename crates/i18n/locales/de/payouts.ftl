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
