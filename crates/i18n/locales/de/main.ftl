## Shell
site-name = Mentora
site-description = Lernen Sie von verifizierten Experten in 1:1-Live-Sitzungen – gebucht in Ihrer eigenen Zeitzone.
skip-to-content = Zum Inhalt springen
nav-label = Hauptnavigation
nav-menu = Menü
nav-how-it-works = So funktioniert es
nav-for-learners = Für Lernende
nav-for-experts = Für Experten
nav-trust = Warum Mentora
nav-open-source = Open Source
# This language's name in itself, shown in every language's switcher.
language-native-name = Deutsch
language-label = Sprache
footer-nav-label = Entdecken
footer-tagline = 1:1-Live-Sitzungen mit verifizierten Experten.
footer-open-source = Mentora ist Open-Source-Software, die Sie selbst betreiben können.

## Home
home-title = Mentora – von verifizierten Experten lernen, live und 1:1
home-eyebrow = Live-Lernen im 1:1
home-headline = Lernen Sie schneller mit einem Experten, der es selbst schon geschafft hat.
home-lead = Setzen Sie sich ein Lernziel, finden Sie einen verifizierten Experten und buchen Sie eine Live-Videositzung zu einer Zeit, die Ihnen passt – angezeigt in Ihrer eigenen Zeitzone.
home-cta-learn = Jetzt lernen
home-cta-teach = Auf Mentora unterrichten
how-title = So funktioniert es
how-lead = Zwei Seiten, ein einfaches Versprechen: der richtige Experte, zur richtigen Zeit, zu einem fairen Preis.
learners-title = Für Lernende
learners-step1-title = Finden Sie Ihren Experten
learners-step1-body = Suchen Sie nach Fachgebiet, Sprache, Preis und Bewertung. Jeder Experte wird von unserem Team geprüft, bevor er angezeigt wird.
learners-step2-title = Buchen Sie einen wirklich freien Termin
learners-step2-body = Sehen Sie die tatsächliche Verfügbarkeit in Ihrer Zeitzone. Ihr Termin wird für Sie reserviert, während Sie bezahlen, sodass niemand sonst ihn buchen kann.
learners-step3-title = Treffen Sie sich und behalten Sie, was Sie gelernt haben
learners-step3-body = Betreten Sie den Videoraum direkt in Ihrem Browser, teilen Sie Notizen und Materialien und blicken Sie danach auf die Sitzung zurück.
experts-title = Für Experten
experts-step1-title = Bewerben und verifizieren lassen
experts-step1-body = Erzählen Sie uns von Ihrer Expertise und laden Sie Ihre Nachweise hoch. Wir prüfen jede Bewerbung und begründen jede Entscheidung.
experts-step2-title = Legen Sie Zeiten und Preise fest
experts-step2-body = Wählen Sie Ihre wöchentliche Verfügbarkeit, Sitzungsdauern und Preise in Ihrer Währung. Verbinden Sie Ihren Kalender, um Überschneidungen zu vermeiden.
experts-step3-title = Werden Sie für jede Sitzung bezahlt
experts-step3-body = Lernende zahlen im Voraus. Nach jeder Sitzung gehen Ihre Einnahmen direkt auf Ihr Bankkonto, abzüglich einer transparenten Provision.
trust-title = Warum Mentora
trust-verified-title = Verifizierte Experten
trust-verified-body = Identität und Nachweise werden von Menschen geprüft, und jede Entscheidung wird dokumentiert.
trust-zones-title = Die richtige Zeit, überall
trust-zones-body = Die Verfügbarkeit wird in der Zeitzone des Experten berechnet und in Ihrer angezeigt – auch bei der Umstellung zwischen Sommer- und Winterzeit korrekt.
trust-payments-title = Sichere Zahlungen
trust-payments-body = Kartendaten gehen direkt an unseren Zahlungsdienstleister. Erstattungen richten sich nach den Bedingungen, die Sie bei der Buchung gesehen haben.
trust-data-title = Ihre Daten gehören Ihnen
trust-data-body = Exportieren Sie jederzeit alles, was wir über Sie gespeichert haben, oder löschen Sie Ihr Konto.
oss-title = Open Source – betreiben Sie es selbst
oss-body = Mentora ist ein einziges Programm. Starten Sie es ohne jede Einrichtung auf einem Laptop, oder betreiben Sie mehrere Instanzen mit PostgreSQL und Redis für eine ganze Organisation.

## Home: example session card
example-caption = Beispielsitzung
example-expert-initials = AO
example-expert-name = Amara Okafor
example-expert-specialty = Data Engineering · Englisch, Französisch
example-verified = Verifiziert
example-your-time = Ihre Zeit (Madrid)
example-your-time-value = Di. 14:00–15:00
example-their-time = Amaras Zeit (Lagos)
example-their-time-value = Di. 13:00–14:00
example-length = Sitzung
example-length-value = 60-minütiger Videoanruf
example-note = Der Raum öffnet 10 Minuten vor Beginn. Kostenlose Stornierung bis 24 Stunden vorher.

## Accounts
nav-log-in = Anmelden
nav-sign-up = Registrieren
nav-log-out = Abmelden
nav-outbox = Postausgang
signed-in-as = Angemeldet als { $name }
form-error-summary = Bitte korrigieren Sie Folgendes:
field-display-name = Ihr Name
field-email = E-Mail-Adresse
field-password = Passwort
field-password-hint = 8 bis 128 Zeichen. Ein langer Satz ist leicht zu merken und schwer zu erraten.
field-email-required = Geben Sie Ihre E-Mail-Adresse ein.
field-email-invalid = Geben Sie eine E-Mail-Adresse wie name@example.com ein.
field-password-too-short = Verwenden Sie mindestens 8 Zeichen.
field-password-too-common = Dieses Passwort gehört zu den häufigsten und ist daher leicht zu erraten. Wählen Sie ein anderes.
field-password-too-long = Verwenden Sie höchstens 128 Zeichen.
field-name-required = Geben Sie Ihren Namen ein.
field-name-too-long = Verwenden Sie höchstens 100 Zeichen.
field-name-invalid = Entfernen Sie unsichtbare Steuerzeichen aus Ihrem Namen.
signup-title = Konto erstellen
signup-lead = Lernen Sie von verifizierten Experten. Es dauert nur eine Minute.
signup-submit = Konto erstellen
signup-have-account = Sie haben bereits ein Konto?
check-inbox-title = Prüfen Sie Ihren Posteingang
check-inbox-body = Falls { $email } E-Mails empfangen kann, ist eine Nachricht mit einem Link zur Bestätigung der Adresse unterwegs. Der Link ist 24 Stunden lang gültig.
verify-title = Bestätigen Sie Ihre E-Mail-Adresse
verify-lead = Klicken Sie auf die Schaltfläche, um zu bestätigen, dass diese Adresse Ihnen gehört.
verify-submit = Meine E-Mail-Adresse bestätigen
verify-done-title = Ihre E-Mail-Adresse ist bestätigt
verify-done-body = Vielen Dank. Sie können sich jetzt anmelden und Sitzungen buchen.
verify-invalid-title = Dieser Link funktioniert nicht
verify-invalid-body = Er ist möglicherweise abgelaufen, wurde bereits verwendet oder unvollständig kopiert. Melden Sie sich an, um einen neuen anzufordern.
login-title = Anmelden
login-submit = Anmelden
login-failed = E-Mail-Adresse oder Passwort ist nicht korrekt.
login-no-account = Neu bei Mentora?
outbox-title = Postausgang
outbox-lead = E-Mails, die Mentora gesendet hätte. Es ist kein SMTP-Server konfiguriert, daher werden Nachrichten stattdessen hier abgelegt.
outbox-empty = Noch keine E-Mails.
outbox-to = An
email-verify-subject = Bestätigen Sie Ihre E-Mail-Adresse für Mentora
email-verify-body =
    Guten Tag { $name },

    bitte bestätigen Sie Ihre E-Mail-Adresse, indem Sie diesen Link öffnen:
    { $link }

    Der Link ist 24 Stunden lang gültig. Falls Sie sich nicht bei Mentora registriert haben, ignorieren Sie diese E-Mail bitte.
email-signup-exists-subject = Jemand hat versucht, sich mit Ihrer E-Mail-Adresse zu registrieren
email-signup-exists-body =
    Jemand hat versucht, mit dieser E-Mail-Adresse ein Mentora-Konto zu erstellen, obwohl für sie bereits ein Konto besteht.

    Falls Sie das waren, melden Sie sich stattdessen an: { $login_url }
    Falls nicht, müssen Sie nichts tun; Ihr Konto ist unverändert.
error-forbidden-title = Nicht erlaubt
error-forbidden-detail = Ihr Konto ist dazu nicht berechtigt.
error-csrf-failed-title = Formular abgelaufen
error-csrf-failed-detail = Dieses Formular konnte nicht angenommen werden, weil sein Sicherheitstoken fehlt oder veraltet ist. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.

login-forgot = Passwort vergessen?
forgot-title = Passwort zurücksetzen
forgot-lead = Geben Sie die E-Mail-Adresse Ihres Kontos ein. Wir senden Ihnen dann einen Link, mit dem Sie ein neues Passwort festlegen können.
forgot-submit = Link senden
forgot-sent = Falls zu { $email } ein Mentora-Konto besteht, ist ein Link zum Festlegen eines neuen Passworts unterwegs. Er ist 30 Minuten lang gültig.
field-new-password = Neues Passwort
reset-title = Neues Passwort festlegen
reset-submit = Neues Passwort speichern
reset-done-title = Ihr Passwort wurde geändert
reset-done-body = Sie wurden überall abgemeldet. Melden Sie sich mit Ihrem neuen Passwort an.
reset-invalid-body = Dieser Link ist möglicherweise abgelaufen (Links sind 30 Minuten lang gültig), wurde bereits verwendet oder unvollständig kopiert. Fordern Sie einen neuen an.
email-reset-subject = Setzen Sie Ihr Mentora-Passwort zurück
email-reset-body =
    Guten Tag { $name },

    jemand hat angefordert, das Passwort Ihres Mentora-Kontos zurückzusetzen. Um ein neues Passwort festzulegen, öffnen Sie diesen Link:
    { $link }

    Der Link ist 30 Minuten lang gültig. Falls Sie dies nicht angefordert haben, ignorieren Sie diese E-Mail bitte; Ihr Passwort bleibt unverändert.

security-title = Sicherheit
sessions-title = Wo Sie angemeldet sind
session-this-device = Dieses Gerät
session-end = Dieses Gerät abmelden
session-last-seen = zuletzt aktiv
session-unknown-device = Unbekanntes Gerät
log-out-everywhere = Überall abmelden
events-title = Letzte Sicherheitsereignisse
events-what = Ereignis
events-when = Zeitpunkt (UTC)
events-where = IP-Adresse
audit-account-created = Konto erstellt
audit-signup-existing-email = Registrierungsversuch mit Ihrer Adresse
audit-email-verified = E-Mail-Adresse bestätigt
audit-login-succeeded = Angemeldet
audit-login-failed = Fehlgeschlagene Anmeldung
audit-logout = Abgemeldet
audit-logout-everywhere = Überall abgemeldet
audit-session-ended = Ein anderes Gerät wurde abgemeldet
audit-password-reset-requested = Zurücksetzen des Passworts angefordert
audit-password-reset = Passwort über einen Link zum Zurücksetzen geändert
audit-password-rehashed = Passwortspeicherung aktualisiert

## Errors
error-status = Fehler { $status }
error-request-id = Anfrage-ID: { $id }. Bitte geben Sie sie an, wenn Sie sich an den Support wenden.
error-go-home = Zur Startseite
error-not-found-title = Seite nicht gefunden
error-not-found-detail = Unter dieser Adresse gibt es nichts. Die Seite wurde möglicherweise verschoben, oder der Link enthält einen Tippfehler.
error-method-not-allowed-title = Methode nicht erlaubt
error-method-not-allowed-detail = Diese Adresse akzeptiert diese Art von Anfrage nicht.
error-bad-request-title = Ungültige Anfrage
error-bad-request-detail = Die Anfrage konnte nicht verstanden werden: { $problem }
error-malformed-json-title = Fehlerhaftes JSON
error-malformed-json-detail = Der Anfragetext ist kein gültiges JSON: { $problem } (Zeile { $line }, Spalte { $column }).
error-invalid-body-title = Ungültiger Anfragetext
error-invalid-body-detail = Der Anfragetext entspricht nicht dem, was dieser Endpunkt erwartet: { $problem }
error-unsupported-media-type-title = Nicht unterstützter Inhaltstyp
error-unsupported-media-type-detail = Senden Sie den Anfragetext als { $expected }.
error-payload-too-large-title = Anfrage zu groß
error-payload-too-large-detail = Der Anfragetext ist größer, als dieser Server akzeptiert.
error-request-timeout-title = Zeitüberschreitung der Anfrage
error-request-timeout-detail = Der Server hat zu lange für die Antwort gebraucht. Bitte versuchen Sie es erneut.
error-internal-title = Etwas ist schiefgelaufen
error-internal-detail = Auf unserer Seite ist ein unerwarteter Fehler aufgetreten. Er wurde protokolliert, und wir gehen ihm nach.
error-storage-full-title = Speicher voll
error-storage-full-detail = Auf dem Server ist kein Speicherplatz mehr frei, daher wurde nichts geändert. Bitte versuchen Sie es in einer Minute erneut.

## Accounts: profile, second factors, limits, operators

nav-profile = Profil
nav-admin-users = Konten
nav-admin-audit = Audit-Protokoll
login-rate-limited = Zu viele Versuche. Bitte versuchen Sie es in { $minutes } Min. erneut.
field-time-zone = Zeitzone
field-time-zone-hint = Eine IANA-Zeitzone wie Europe/Berlin oder America/New_York. Die Zeitzone Ihres Browsers ist bereits eingetragen.
field-currency = Währung
field-currency-hint = Dreistelliger ISO-4217-Code wie USD, EUR oder INR. Preise werden in dieser Währung angezeigt.
field-current-password = Aktuelles Passwort
field-current-password-wrong = Das ist nicht Ihr aktuelles Passwort.
field-new-email = Neue E-Mail-Adresse
field-email-unavailable = Diese Adresse kann nicht verwendet werden. Wählen Sie eine andere.
field-locale = Sprache
field-languages = Sprachen, die Sie sprechen
field-languages-hint = Zweistellige ISO-639-1-Codes, durch Kommas getrennt, z. B. de, en, es.
field-learning-goals = Lernziele
field-session-length = Bevorzugte Sitzungsdauer
field-video-provider = Video
field-reminder-channels = Erinnerungen per
field-avatar = Bilddatei
field-avatar-hint = PNG, JPEG, WebP oder GIF, bis zu 5 MB. Das Bild wird quadratisch zugeschnitten.
field-avatar-required = Wählen Sie eine Bilddatei zum Hochladen aus.
field-avatar-too-large = Die Datei ist größer als 5 MB.
field-avatar-not-image = Diese Datei ist kein PNG-, JPEG-, WebP- oder GIF-Bild.
field-avatar-too-many-pixels = Das Bild ist größer als 4096 × 4096 Pixel oder 16 Megapixel.
field-totp-code = Code aus Ihrer App
field-totp-code-wrong = Dieser Code ist nicht korrekt. Prüfen Sie die Uhrzeit auf Ihrem Smartphone und geben Sie den aktuellen Code ein.
field-second-factor-code = Authentifizierungscode
field-second-factor-code-hint = Der 6-stellige Code aus Ihrer Authenticator-App oder einer Ihrer Wiederherstellungscodes.
profile-time-zone-invalid = Geben Sie eine Zeitzone aus der IANA-Datenbank ein, z. B. Europe/Berlin.
profile-currency-invalid = Geben Sie einen dreistelligen ISO-4217-Währungscode ein, z. B. USD.
profile-languages-invalid = Verwenden Sie zweistellige ISO-639-1-Codes, durch Kommas getrennt (höchstens 20).
profile-learning-goals-too-long = Halten Sie die Lernziele unter 2.000 Zeichen.
profile-locale-invalid = Wählen Sie eine der angebotenen Sprachen.
profile-session-length-invalid = Wählen Sie eine der angebotenen Sitzungsdauern.
profile-video-provider-invalid = Wählen Sie eine der angebotenen Videooptionen.
profile-reminder-channels-invalid = Wählen Sie Erinnerungen in Mentora oder per E-Mail.
profile-title = Ihr Profil
profile-details = Angaben und Einstellungen
profile-avatar = Foto
profile-avatar-current = Ihr aktuelles Foto
profile-avatar-upload = Foto hochladen
profile-session-preferences = Einstellungen für Sitzungen
profile-save = Profil speichern
profile-email = E-Mail-Adresse
profile-email-verified = bestätigt
profile-email-unverified = noch nicht bestätigt
profile-email-change = E-Mail-Adresse ändern
profile-password = Passwort
profile-password-change = Passwort ändern
profile-saved-profile = Ihr Profil wurde gespeichert.
profile-saved-avatar = Ihr Foto wurde aktualisiert.
profile-saved-email = Prüfen Sie Ihren neuen Posteingang: Wir haben einen Link zur Bestätigung der Adresse gesendet. Ihre bisherige Adresse wurde benachrichtigt.
profile-saved-password = Ihr Passwort wurde geändert. Ihre anderen Geräte wurden abgemeldet.
minutes-count = { $count } Minuten
minutes-short = { $count } Min.
video-provider-builtin = Mentora-Videoraum
video-provider-zoom = Zoom
video-provider-meet = Google Meet
video-provider-jitsi = Jitsi Meet
reminder-email = E-Mail
reminder-in-app = In Mentora (Benachrichtigungen)
second-factor-title = Zwei-Faktor-Authentifizierung
second-factor-lead = Geben Sie den Code aus Ihrer Authenticator-App ein, um die Anmeldung abzuschließen.
second-factor-wrong = Dieser Code ist nicht korrekt oder wurde bereits verwendet. Versuchen Sie den aktuellen Code oder einen Wiederherstellungscode.
second-factor-submit = Bestätigen
factors-title = Zwei-Faktor-Authentifizierung
factor-totp = Authenticator-App
factor-totp-off = Nicht eingerichtet. Fügen Sie eine App wie Aegis, Google Authenticator oder 1Password hinzu, um bei jeder Anmeldung einen Code zu erhalten.
factor-totp-add = Authenticator-App einrichten
factor-added = Hinzugefügt
factor-last-used = zuletzt verwendet
factor-remove = Entfernen
factor-recovery-codes = Wiederherstellungscodes
factor-recovery-codes-left = Verbleibende unbenutzte Wiederherstellungscodes: { $count }.
factor-recovery-codes-new = Neue Wiederherstellungscodes erstellen
totp-enrol-title = Authenticator-App einrichten
totp-enrol-step-scan = Scannen Sie diesen QR-Code mit Ihrer Authenticator-App.
totp-enrol-step-code = Geben Sie den 6-stelligen Code ein, den die App anzeigt.
totp-enrol-manual = Scannen nicht möglich? Geben Sie stattdessen diesen Schlüssel in der App ein:
totp-enrol-submit = Zwei-Faktor-Authentifizierung aktivieren
totp-qr-label = QR-Code für Ihre Authenticator-App
recovery-codes-title = Ihre Wiederherstellungscodes
recovery-codes-lead = Bewahren Sie diese Codes sicher auf. Falls Sie Ihr Smartphone verlieren, funktioniert jeder Code einmal anstelle eines Codes aus Ihrer App. Sie werden nicht erneut angezeigt.
recovery-codes-done = Ich habe sie gespeichert
email-lockout-subject = Ihr Mentora-Konto wurde nach fehlgeschlagenen Anmeldungen gesperrt
email-lockout-body = Guten Tag { $name },

    jemand hat mehrmals versucht, sich mit einem falschen Passwort bei Ihrem Mentora-Konto anzumelden. Daher ist die Anmeldung für eine Weile pausiert (etwa { $minutes } Min.).

    Falls Sie das waren, warten Sie und versuchen Sie es dann erneut, oder setzen Sie Ihr Passwort zurück. Falls nicht, ist Ihr Konto sicher: Erwägen Sie, die Zwei-Faktor-Authentifizierung zu aktivieren.
email-address-changed-subject = Die E-Mail-Adresse Ihres Mentora-Kontos wurde geändert
email-address-changed-body = Guten Tag { $name },

    die E-Mail-Adresse Ihres Mentora-Kontos wurde in { $new_email } geändert.

    Falls Sie das nicht waren, setzen Sie jetzt Ihr Passwort zurück und wenden Sie sich an den Support.
admin-users-title = Konten
admin-users-search = E-Mail-Adresse oder Name
admin-users-search-submit = Suchen
admin-users-account = Konto
admin-users-roles = Rollen
admin-users-change = Rollen ändern
admin-grant-expert = Zum Experten machen
admin-grant-admin = Zum Admin machen
admin-revoke-expert = Expertenrolle entziehen
admin-revoke-admin = Adminrolle entziehen
role-learner = Lernende/r
role-expert = Experte
role-admin = Admin
admin-audit-title = Audit-Protokoll
admin-audit-kind = Ereignis
admin-audit-from = Von
admin-audit-to = Bis
admin-audit-filter = Filtern
admin-audit-account = Konto
admin-audit-actor = Durch
admin-audit-empty = Keine Ereignisse entsprechen diesen Filtern.
audit-login-password-ok = Passwort akzeptiert, zweiter Schritt ausstehend
audit-login-succeeded-api = Über eine App angemeldet
audit-login-locked-out = Anmeldung nach fehlgeschlagenen Versuchen pausiert
audit-second-factor-totp-ok = Authenticator-Code akzeptiert
audit-second-factor-recovery-code-used = Wiederherstellungscode verwendet
audit-second-factor-failed = Falscher Authentifizierungscode
audit-factor-totp-added = Authenticator-App hinzugefügt
audit-factor-totp-removed = Authenticator-App entfernt
audit-factor-recovery-codes-issued = Neue Wiederherstellungscodes erstellt
audit-token-reuse-detected = Ein bereits verwendetes Anmeldetoken wurde erneut vorgelegt; diese Anmeldung wurde beendet
audit-logout-api = Über eine App abgemeldet
audit-profile-updated = Profil aktualisiert
audit-profile-avatar-changed = Foto geändert
audit-password-changed = Passwort geändert
audit-email-changed = E-Mail-Adresse geändert
audit-role-granted = Rolle vergeben
audit-role-revoked = Rolle entzogen
error-unauthorized-title = Nicht angemeldet
error-unauthorized-detail = Hierfür ist ein angemeldetes Konto erforderlich. Senden Sie ein Zugriffstoken im Authorization-Header (Bearer).
error-token-malformed-title = Fehlerhaftes Token
error-token-malformed-detail = Der Authorization-Header enthält kein korrekt aufgebautes Bearer-Zugriffstoken.
error-token-expired-title = Token abgelaufen
error-token-expired-detail = Das Zugriffstoken ist abgelaufen. Holen Sie sich mit Ihrem Refresh-Token ein neues.
error-token-invalid-title = Ungültiges Token
error-token-invalid-detail = Signatur oder Claims des Zugriffstokens sind ungültig.
error-refresh-token-invalid-title = Ungültiges Refresh-Token
error-refresh-token-invalid-detail = Das Refresh-Token ist unbekannt, abgelaufen oder widerrufen. Melden Sie sich erneut an.
error-refresh-token-reused-title = Refresh-Token wiederverwendet
error-refresh-token-reused-detail = Dieses Refresh-Token wurde bereits verwendet, daher wurden aus Sicherheitsgründen alle Tokens dieser Anmeldung widerrufen. Melden Sie sich erneut an.
error-invalid-credentials-title = Falsche E-Mail-Adresse oder falsches Passwort
error-invalid-credentials-detail = Die E-Mail-Adresse oder das Passwort ist falsch.
error-second-factor-required-title = Zweiter Faktor erforderlich
error-second-factor-required-detail = Dieses Konto verwendet die Zwei-Faktor-Authentifizierung: Senden Sie den Code aus der Authenticator-App (oder einen Wiederherstellungscode) als „totp“.
error-second-factor-invalid-title = Falscher Code
error-second-factor-invalid-detail = Der Authentifizierungscode ist falsch oder wurde bereits verwendet.
error-rate-limited-title = Zu viele Anfragen
error-rate-limited-detail = Zu viele Versuche. Versuchen Sie es in { $seconds } Sekunden erneut.
error-validation-failed-title = Einige Felder sind ungültig
error-validation-failed-detail = Korrigieren Sie die unter „errors“ aufgeführten Felder und versuchen Sie es erneut.

## Passkeys
factor-passkeys = Passkeys
factor-passkeys-lead = Melden Sie sich statt mit einem Passwort per Fingerabdruck, Gesichtserkennung oder Bildschirmsperre an, oder verwenden Sie einen Passkey als zweiten Schritt.
factor-passkey-add = Passkey hinzufügen
field-passkey-name-label = Name für diesen Passkey
passkey-default-name = Mein Passkey
field-passkey-name = Geben Sie dem Passkey einen Namen mit höchstens 100 Zeichen.
field-passkey-rejected = Der Passkey wurde nicht akzeptiert. Versuchen Sie es erneut, oder verwenden Sie einen anderen.
login-with-passkey = Passkey verwenden
second-factor-use-passkey = Stattdessen Passkey verwenden
audit-factor-passkey-added = Passkey hinzugefügt
audit-factor-passkey-removed = Passkey entfernt
audit-login-passkey = Mit Passkey angemeldet
audit-second-factor-passkey-ok = Passkey als zweiter Schritt akzeptiert
error-passkeys-unavailable-title = Passkeys sind hier nicht verfügbar
error-passkeys-unavailable-detail = Passkeys funktionieren nur, wenn Mentora über seinen Namen aufgerufen wird, nicht unter { $origin }. Öffnen Sie Mentora über seinen Namen (zum Beispiel http://localhost) und versuchen Sie es erneut.

profile-email-resend = Bestätigungslink erneut senden
profile-saved-verification = Wir haben einen neuen Bestätigungslink gesendet. Prüfen Sie Ihren Posteingang.
session-signed-in = angemeldet
audit-email-verification-resent = Bestätigungslink erneut gesendet

nav-admin-jobs = Jobs
jobs-title = Jobs
jobs-lead = Arbeiten, die Mentora im Hintergrund erledigt: E-Mails, das Freigeben abgelaufener Reservierungen, Wartung. Ein fehlgeschlagener Job wird mit wachsenden Wartezeiten wiederholt; nach seinem letzten Versuch gilt er als endgültig fehlgeschlagen, bis Sie ihn erneut starten.
jobs-depth = Warteschlange nach Art
jobs-depth-empty = Keine wartenden, laufenden oder endgültig fehlgeschlagenen Jobs.
jobs-oldest = seit
jobs-filter = Jobs anzeigen
jobs-unfinished = Nicht abgeschlossen
jobs-status-queued = Wartend
jobs-status-running = Läuft
jobs-status-failed = Fehlgeschlagen, wird wiederholt
jobs-status-succeeded = Erledigt
jobs-status-dead = Endgültig fehlgeschlagen
jobs-empty = Hier gibt es keine Jobs.
jobs-attempts = Versuche
jobs-run-at = Ausführung um
jobs-updated-at = Letzte Änderung
jobs-id = Job
jobs-last-error = Letzter Fehler:
jobs-retry = Erneut versuchen
jobs-discard = Verwerfen
error-job-state-title = Für diesen Job derzeit nicht möglich
error-job-state-detail = Der Job hat den Status { $status }: Nur fehlgeschlagene oder endgültig fehlgeschlagene Jobs können erneut versucht und nur wartende oder fehlgeschlagene verworfen werden.

test-clock-banner = Testmodus: Die simulierte Zeit ist { $now }.
test-clock-banner-link = Testuhr
test-clock-title = Testuhr
test-clock-lead = Stellen Sie in der Testmodus-Sandbox die Zeit vor, um ohne Warten zu sehen, wie eine Reservierung abläuft, eine Erinnerung ausgelöst wird oder eine Sitzung endet. Fällige Jobs laufen sofort. Die Zeit läuft nie zurück.
test-clock-simulated = Simulierte Zeit
test-clock-real = Tatsächliche Zeit
test-clock-ahead = Vorlauf
test-clock-ahead-value = { $days } Tg. { $hours } Std. { $minutes } Min.
test-clock-advance = Vorstellen
test-clock-preset-11m = 11 Minuten
test-clock-preset-1h = 1 Stunde
test-clock-preset-1d = 1 Tag
test-clock-preset-1w = 1 Woche
test-clock-advance-by = Vorstellen um
test-clock-advance-hint = Zum Beispiel 90m, 2h 30m oder 48h.
test-clock-set-to = Oder stellen auf
test-clock-set-hint = Ein Zeitpunkt nach der simulierten aktuellen Zeit, z. B. 2026-12-24T09:00:00Z.
test-clock-move = Uhr stellen
test-clock-advance-invalid = Geben Sie eine Zeitspanne wie 90m, 2h 30m oder 48h an.
test-clock-set-invalid = Geben Sie einen Zeitpunkt wie 2026-12-24T09:00:00Z an.
test-clock-one-move = Geben Sie entweder eine Zeitspanne zum Vorstellen oder einen Zielzeitpunkt an, nicht beides.
test-clock-forward-only = Die Uhr lässt sich nur vorstellen: Wählen Sie einen späteren Zeitpunkt.
test-clock-too-far = Pro Schritt lässt sich die Uhr höchstens ein Jahr vorstellen.
test-clock-past-limit = Die simulierte Zeit läuft insgesamt höchstens zehn Jahre voraus; sie ist schon nahe daran.

## The API documentation page
api-docs-title = Mentora-API
api-docs-lead = Jeder Endpunkt unter /api/v1, direkt aus dem Code beschrieben. Melden Sie sich mit POST /api/v1/auth/login an, klicken Sie dann auf „Authorize“ und fügen Sie das Zugriffstoken ein, um Anfragen in Ihrem Namen auszuprobieren.
api-docs-noscript = Die interaktive Referenz benötigt JavaScript; das oben verlinkte Dokument selbst ist reines JSON.
api-docs-reference = Referenz
test-mode-banner = Testmodus: Zahlungen werden simuliert, es fließt kein echtes Geld.
commission-bps-invalid = Geben Sie einen Satz in Basispunkten von 0 bis 10000 an (1500 sind 15 %), oder nichts für den Satz der Plattform.
payments-title = Zahlungen
payments-lead = Bezahlte Buchungen finden und mit Begründung erstatten, Überweisungen an Fachleute und Rückbuchungen verfolgen, den Provisionsbericht und die Saldenliste lesen.
payments-at = Stand
payments-at-hint = Ein Zeitpunkt wie 2026-12-31T23:59:59Z; standardmäßig jetzt.
payments-show = Anzeigen
payments-empty = Es wurde noch kein Geld bewegt.
payments-balanced = Ausgeglichen: Die Konten ergeben in Summe null.
payments-unbalanced = Nicht ausgeglichen: Die Konten ergeben nicht null. Prüfen Sie das Journal vor jeder Auszahlung.
payments-account = Konto
payments-balance = Saldo
nav-admin-payments = Zahlungen
payments-at-invalid = Kein lesbarer Zeitpunkt: Schreiben Sie ihn wie 2026-12-31T23:59:59Z.
admin-role-ask-grant-title = { $name } die Rolle „{ $role }“ geben?
admin-role-ask-revoke-title = { $name } die Rolle „{ $role }“ entziehen?
admin-role-ask-grant = { $name } ({ $email }) erhält die Rolle „{ $role }“ sofort, auf allen Geräten.
admin-role-ask-revoke = { $name } ({ $email }) verliert die Rolle „{ $role }“ sofort, auf allen Geräten.
admin-role-allows-admin = Administratoren prüfen Experten, ändern die Rollen aller Konten, erstatten Zahlungen und lesen das Prüfprotokoll.
admin-role-allows-expert = Experten haben ein öffentliches Profil, legen Zeiten und Preise fest und werden für ihre Sitzungen bezahlt.
admin-role-keep = Rollen unverändert lassen
opens-in-new-tab = (öffnet in einem neuen Tab)
verify-continue = Weiter
verify-continue-where = Zurück zu Ihrer Auswahl
verify-log-in-where = Anmelden und zurück zu Ihrer Auswahl
