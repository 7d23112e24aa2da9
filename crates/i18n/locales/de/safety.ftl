# Refusals that protect accounts and money: unknown hosts, holds, proposals, uploads.
error-host-unknown-title = Unbekannte Website-Adresse
error-host-unknown-detail = Diese Anfrage nannte einen Host, den Mentora nicht bedient. Öffnen Sie Mentora unter seiner eigenen Adresse und versuchen Sie es erneut.
error-token-revoked-title = Diese Anmeldung wurde beendet
error-token-revoked-detail = Das Zugriffstoken gehört zu einer beendeten Anmeldung (Abmeldung, Passwortänderung oder geänderte Berechtigungen). Melden Sie sich erneut an.
field-password-weak = Dieses Passwort ist zu leicht zu erraten. Verwenden Sie drei oder vier ungewöhnliche Wörter zusammen; Sonderzeichen oder Ziffern sind nicht nötig.
field-password-weak-keyboard = Tastenreihen und -muster sind leicht zu erraten. Verwenden Sie stattdessen drei oder vier ungewöhnliche Wörter zusammen.
field-password-weak-repeats = Wiederholte Zeichen oder Wörter sind leicht zu erraten. Verwenden Sie drei oder vier verschiedene ungewöhnliche Wörter.
field-password-weak-sequence = Folgen wie abc oder 6543 sind leicht zu erraten. Verwenden Sie stattdessen drei oder vier ungewöhnliche Wörter zusammen.
field-password-weak-common = Dies ist eines der häufig verwendeten Passwörter oder ähnelt einem davon. Verwenden Sie drei oder vier ungewöhnliche Wörter zusammen.
field-password-weak-dates = Daten und Jahreszahlen sind leicht zu erraten. Vermeiden Sie sie, und fügen Sie ein oder zwei weitere ungewöhnliche Wörter hinzu.
field-password-weak-personal = Ihr eigener Name, Ihre E-Mail-Adresse oder ein einzelnes Wort sind leicht zu erraten. Fügen Sie zwei oder drei ungewöhnliche Wörter hinzu.
field-password-weak-names = Vor- und Nachnamen sind leicht zu erraten. Fügen Sie zwei oder drei ungewöhnliche Wörter hinzu.
error-hold-limit-title = Zu viele unbezahlte Reservierungen
error-hold-limit-detail = Sie haben bereits die Höchstzahl unbezahlter Reservierungen ({ $count }) erreicht. Bezahlen Sie eine davon oder lassen Sie sie verfallen, bevor Sie einen weiteren Termin reservieren.
error-reschedule-limit-title = Diese Sitzung kann nicht erneut verschoben werden
error-reschedule-limit-detail = Sie wurde bereits { $count }-mal verschoben. Stornieren Sie sie stattdessen gemäß den Bedingungen des Experten.
error-proposal-expired-title = Der vorgeschlagene Termin ist abgelaufen
error-proposal-expired-detail = Der Vorschlag des Experten konnte nur bis zum Beginn der Sitzung angenommen werden.
error-no-show-too-early-title = Zu früh, um ein Nichterscheinen zu melden
error-no-show-too-early-detail = Experten können sich etwas verspäten: Ein fehlender Experte kann ab { $minutes } Minuten nach Beginn gemeldet werden.
error-dispute-window-closed-title = Zu spät für einen Einspruch
error-dispute-window-closed-detail = Gegen das Ergebnis einer Sitzung kann { $hours } Stunden lang nach seiner Erfassung Einspruch erhoben werden; danach steht es fest. Schreiben Sie dem Support, wenn etwas schiefging.
error-settled-by-attendance-title = Die Anwesenheit entscheidet über diese Sitzung
error-settled-by-attendance-detail = Der Raum erfasst, wer da war, daher wird die Sitzung beim Schließen des Raums von selbst abgeschlossen. Lässt es sich nicht erkennen, entscheidet ein Operator.
error-own-application-title = Nicht Ihre eigene Bewerbung
error-own-application-detail = Über Ihre eigene Bewerbung als Experte muss ein anderer Administrator entscheiden.
booking-confirm-email-first = Bestätigen Sie zum Buchen Ihre E-Mail-Adresse: Öffnen Sie den Link, den wir Ihnen gesendet haben, und kehren Sie dann zu dieser Seite zurück. Dieser Termin bleibt für andere frei, bis Sie ihn reservieren.
booking-confirm-email-resend = Bestätigungslink erneut senden
email-booking-no-show-claim-subject = Eine verpasste Sitzung wurde gemeldet
email-booking-no-show-claim-body = Guten Tag { $name },

    für die Sitzung am { $when } zwischen Ihnen und { $other } wurde gemeldet, dass der Experte nicht erschienen ist. Noch wird nichts erstattet: Der Experte kann Stellung nehmen, und ein Mentora-Mitarbeiter entscheidet auf Grundlage der Angaben beider Seiten.

    Details: { $link }
booking-settlement-required = Geben Sie an, wie der Streitfall beigelegt wird: Erstattung an die lernende Person, oder die Sitzung bleibt bestehen.
error-control-character-title = Ein Zeichen, das kein Text enthalten darf
error-control-character-detail = Die Anfrage enthält ein NUL-Zeichen (U+0000) oder, in ihrer Adresse, ein anderes Steuerzeichen. Kein Textfeld akzeptiert diese Zeichen; entfernen Sie es und senden Sie die Anfrage erneut.
error-login-locked-title = Die Anmeldung ist für diese Adresse pausiert
error-login-locked-detail = Für diese Adresse wurden mehrere falsche Passwörter eingegeben. Versuchen Sie es in { $seconds } Sekunden erneut, melden Sie sich auf einem bereits verwendeten Gerät an, oder nutzen Sie den einmaligen Anmeldelink, den wir an die Adresse gesendet haben.
login-locked = Für diese Adresse wurden mehrere falsche Passwörter eingegeben, daher ist die Anmeldung hier pausiert (versuchen Sie es in { $minutes } Min. erneut). Falls zu der Adresse ein Konto besteht, haben wir einen einmaligen Anmeldelink dorthin gesendet: Öffnen Sie ihn, um sich sofort anzumelden. Auf einem Gerät, auf dem Sie schon einmal angemeldet waren, funktioniert Ihr Passwort weiterhin.
email-sign-in-link-subject = Ihr einmaliger Mentora-Anmeldelink
email-sign-in-link-body =
    Guten Tag { $name },

    die Anmeldung bei Ihrem Mentora-Konto mit Passwort ist vorübergehend pausiert, weil mehrere falsche Passwörter eingegeben wurden. Um sich jetzt anzumelden, öffnen Sie diesen Link:
    { $link }

    Er funktioniert einmal, { $minutes } Minuten lang, und nur Sie erhalten ihn. Falls Sie nicht versucht haben, sich anzumelden, müssen Sie nichts tun: Ihr Passwort wurde nicht erraten. Erwägen Sie, es zu ändern oder die Zwei-Faktor-Authentifizierung zu aktivieren.
sign-in-link-title = Mit Ihrem Link anmelden
sign-in-link-lead = Klicken Sie auf die Schaltfläche, um sich als { $address } anzumelden. Der Link funktioniert danach nicht mehr. Falls dies nicht Ihre Adresse ist, schließen Sie diese Seite.
sign-in-link-submit = Anmelden
sign-in-link-invalid-title = Dieser Anmeldelink funktioniert nicht
sign-in-link-invalid-body = Er ist möglicherweise abgelaufen, wurde bereits verwendet oder unvollständig kopiert. Versuchen Sie erneut, sich anzumelden, um einen neuen zu erhalten.
