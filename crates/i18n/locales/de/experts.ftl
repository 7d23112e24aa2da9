# Experts: applications, verification, payouts, the directory and public profiles.

nav-find-expert = Experten finden
nav-expert-application = Auf Mentora unterrichten
nav-admin-experts = Verifizierung
test-mode-label = Testmodus.

## Directory
directory-title = Experten finden
directory-description = Verifizierte Experten für 1:1-Live-Sitzungen – in Ihrer Sprache und Ihrer Zeitzone.
directory-filters = Experten filtern
directory-search = Nach Name, Thema oder Fähigkeit suchen
directory-specialty = Fachgebiet
directory-any = Alle
directory-language = Gesprochene Sprache
directory-language-hint = Geben Sie eine Sprache mit ihrem Namen ein, z. B. Deutsch oder English.
directory-price = Preis pro Stunde ({ $currency })
directory-price-min = Von
directory-price-max = Bis
directory-currency = Preise anzeigen in
directory-rating = Bewertung
directory-rating-at-least = { $stars } Sterne oder mehr
directory-available = Verfügbar in den nächsten 7 Tagen
directory-sort = Sortieren nach
directory-sort-relevance = Beste Übereinstimmung
directory-sort-rating = Beste Bewertung
directory-sort-price = Niedrigster Preis
directory-sort-soonest = Frühester freier Termin
directory-apply = Experten anzeigen
directory-results = Ergebnisse
directory-empty = Noch passt kein Experte zu diesen Filtern. Versuchen Sie es mit weniger Filtern oder anderen Suchbegriffen.
directory-more = Weitere Experten
directory-language-invalid = Wählen Sie eine Sprache aus der Liste, mit ihrem eigenen Namen (Deutsch) oder auf Englisch (German).
directory-price-invalid = Geben Sie einen Preis als Zahl ein, z. B. 40 oder 39.50 (mit Punkt vor den Nachkommastellen).
directory-price-currency-unsupported = Preise können in dieser Währung noch nicht geschätzt werden; wählen Sie eine andere Währung, um nach Preis zu filtern.
directory-price-range = Der Höchstpreis darf nicht unter dem Mindestpreis liegen.
directory-rating-invalid = Wählen Sie eine Bewertung von 0 bis 5.
directory-sort-invalid = Wählen Sie eine der angebotenen Sortierungen.
directory-cursor-invalid = Dieser Seitenlink ist fehlerhaft; starten Sie die Suche neu.
directory-limit-invalid = Fordern Sie 1 bis 50 Ergebnisse pro Seite an.

## Cards and profiles
expert-verified = Verifiziert
expert-verified-since = Verifiziert seit { $date }
expert-price-estimate = ≈ { $price } (geschätzt)
expert-estimate-note = Schätzungen beruhen auf Referenzwechselkursen. Abgerechnet wird in { $currency }, der Währung des Experten.
expert-no-reviews = Noch keine Bewertungen
expert-rating-summary = { $average } von 5 (Bewertungen: { $count })
expert-about = Über mich
expert-intro-video = Vorstellungsvideo ansehen
expert-choose-time = Termin wählen
expert-intro-video-player = Vorstellungsvideo von { $name } ({ $provider })
expert-intro-video-on = Auf { $provider } ansehen
expert-rates = Sitzungen und Preise
expert-rate-duration = { $minutes } Minuten
expert-rating = Bewertung
expert-specialties = Fachgebiete
expert-languages = Sprachen
expert-photo-of = Foto von { $name }
expert-preview-notice = Vorschau: Lernende sehen dieses Profil erst, wenn es verifiziert ist, Auszahlungen eingerichtet sind und es nicht gesperrt ist.
expert-suspended = Gesperrt

## Application
expert-apply-title = Ihre Bewerbung als Experte
expert-apply-intro = Zeigen Sie Lernenden, was Sie unterrichten. Ihre Bewerbung wird als Entwurf gespeichert, bis Sie sie zur Prüfung einreichen; ein Prüfer sichtet Ihre Unterlagen und antwortet mit einer Begründung.
expert-status = Status der Bewerbung
expert-status-none = Nicht begonnen
expert-status-draft = Entwurf: Nur Sie können ihn sehen.
expert-status-submitted = Eingereicht: Ein Prüfer wird sie prüfen.
expert-status-changes-requested = Änderungen angefordert: Bearbeiten Sie Ihre Bewerbung und reichen Sie sie erneut ein.
expert-status-approved = Genehmigt
expert-status-rejected = Nicht genehmigt
expert-status-invalid = Wählen Sie einen der Bewerbungsstatus.
expert-reason = Anmerkung des Prüfers:
expert-suspended-notice = Ihr Profil ist gesperrt: Lernende können Sie weder finden noch buchen. Bestehende Sitzungen bleiben gebucht.
expert-view-public-profile = Ihr öffentliches Profil ansehen
expert-verify-email-first = Bestätigen Sie Ihre E-Mail-Adresse, bevor Sie sich bewerben. Der Link befindet sich in Ihrem Posteingang; Sie können ihn über Ihr Profil erneut senden.
expert-field-headline = Überschrift
expert-field-headline-hint = Eine Zeile, die Lernende zuerst sehen, z. B. „Rust-Mentor für Backend-Entwickler“.
expert-field-bio = Über Sie
expert-field-bio-hint = Markdown: **fett**, _kursiv_, Listen und Links. Bis zu 5.000 Zeichen.
expert-field-specialties = Fachgebiete (bis zu 10)
expert-field-languages = Unterrichtssprachen
expert-field-rates = Preise pro Sitzung
expert-field-rates-hint = Lassen Sie eine Dauer leer, wenn Sie sie nicht anbieten. Alle Preise gelten in einer einzigen Währung.
expert-field-video = Vorstellungsvideo (optional)
expert-field-video-hint = Ein https-Link, z. B. zu einem YouTube- oder Vimeo-Video.
expert-photo-hint = Ihr Profilfoto wird Lernenden angezeigt.
expert-save-draft = Entwurf speichern
expert-save-profile = Profil speichern
expert-submit = Zur Prüfung einreichen
expert-submit-hint = Eine vollständige Bewerbung enthält eine Überschrift, einen Vorstellungstext, ein Fachgebiet, eine Sprache, einen Preis und ein Ausweisdokument.
expert-saved-draft = Ihre Bewerbung wurde gespeichert.
expert-saved-submitted = Ihre Bewerbung wurde eingereicht. Wir senden Ihnen die Antwort des Prüfers per E-Mail.
expert-saved-document = Ihr Dokument wurde hochgeladen.
expert-saved-removed = Das Dokument wurde entfernt.
expert-saved-payouts = Ihre Auszahlungsdaten wurden aktualisiert.
expert-headline-required = Fügen Sie eine Überschrift hinzu.
expert-headline-too-long = Halten Sie die Überschrift unter 120 Zeichen.
expert-headline-invalid = Die Überschrift darf keine Steuerzeichen enthalten.
expert-bio-required = Erzählen Sie Lernenden etwas über sich.
expert-bio-too-long = Halten Sie den Vorstellungstext unter 5.000 Zeichen.
expert-specialties-required = Wählen Sie mindestens ein Fachgebiet.
expert-specialties-too-many = Wählen Sie höchstens 10 Fachgebiete.
expert-specialty-unknown = Wählen Sie Fachgebiete aus der Liste.
expert-languages-required = Geben Sie mindestens eine Unterrichtssprache an.
expert-rates-required = Legen Sie für mindestens eine Sitzungsdauer einen Preis fest.
expert-rate-not-positive = Geben Sie einen Preis über null ein.
expert-rate-too-high = Dieser Preis liegt über 5.000 US-Dollar pro Sitzung. Prüfen Sie, ob eine Null zu viel ist.
expert-rate-not-a-number = Geben Sie einen Preis als Zahl ein, z. B. 45 oder 45.50 (mit Punkt vor den Nachkommastellen).
expert-rate-too-many-decimals = Diese Währung hat weniger Nachkommastellen.
expert-rate-duration-invalid = Bieten Sie Sitzungen von 30, 45, 60, 90 oder 120 Minuten an.
expert-rate-duration-repeated = Geben Sie für jede Sitzungsdauer nur einen Preis an.
expert-rate-currency-mixed = Alle Preise müssen in der Währung der Bewerbung angegeben sein.
expert-video-url-invalid = Verwenden Sie einen https-Link zum Video.
expert-identity-document-required = Laden Sie ein Ausweisdokument hoch (Reisepass, Personalausweis oder Führerschein).

## Documents
expert-documents = Verifizierungsunterlagen
expert-documents-hint = Nur Sie und unsere Prüfer können diese Dateien öffnen. Unterlagen einer abgelehnten Bewerbung werden nach Ablauf der Aufbewahrungsfrist gelöscht.
expert-document-file = Datei
expert-document-kind = Art
expert-document-kind-identity = Ausweisdokument
expert-document-kind-credential = Nachweis oder Zertifikat
expert-document-size = Größe
expert-document-actions = Aktionen
expert-document-remove = Entfernen
expert-document-remove-named = { $name } entfernen
expert-document-upload = Dokument hochladen
expert-document-hint = PDF, JPEG oder PNG, bis zu 10 MB.
expert-document-required = Wählen Sie eine Datei zum Hochladen aus.
expert-document-too-large = Die Datei ist größer als 10 MB.
expert-document-type = Diese Datei ist kein PDF, JPEG oder PNG (geprüft anhand des Inhalts, unabhängig vom Dateinamen).
expert-document-kind-invalid = Wählen Sie aus, um welche Art von Dokument es sich handelt.
expert-document-too-many = Eine Bewerbung umfasst höchstens 10 Dokumente; entfernen Sie zuerst eines.

## Payouts
payouts-title = Auszahlungen
payouts-test-mode-note = Es wird kein echtes Geld bewegt: Für diese Installation ist kein Zahlungsdienstleister konfiguriert.
payouts-ready = Auszahlungen sind eingerichtet: Lernende können Sie buchen.
payouts-not-ready = Richten Sie Auszahlungen ein, damit Lernende Sie buchen und bezahlen können.
payouts-requirements = Vom Zahlungsdienstleister noch benötigt:
payouts-start = Auszahlungen einrichten
payouts-continue = Einrichtung der Auszahlungen fortsetzen
payouts-sandbox-title = Auszahlungen einrichten (Testmodus)
payouts-sandbox-body = Dies ersetzt das Onboarding des Zahlungsdienstleisters für { $email }. Wenn Sie es abschließen, wird Ihr Testkonto als berechtigt markiert, Zahlungen anzunehmen und Auszahlungen zu erhalten.
payouts-sandbox-complete = Test-Onboarding abschließen

## Verifiers
admin-experts-title = Verifizierung von Experten
admin-experts-by-status = Bewerbungen nach Status
admin-experts-empty = Hier gibt es keine Bewerbungen.
admin-experts-applicant = Bewerber
admin-experts-waiting = Wartezeit
admin-experts-back = Zurück zur Warteschlange
admin-experts-history = Bisherige Entscheidungen
admin-experts-decide = Entscheidung
admin-experts-reason = Begründung (der Bewerber sieht sie und erhält sie per E-Mail)
admin-experts-reason-hint = Beschreiben Sie, was geprüft wurde, oder genau, was geändert werden muss.
admin-experts-record-decision = Entscheidung speichern
admin-experts-suspend = Experten sperren
admin-experts-reinstate = Experten wieder freischalten
admin-experts-suspend-reason = Grund für die Sperrung (wird dem Experten mitgeteilt)
admin-experts-reinstate-reason = Grund für die Freischaltung (wird dem Experten mitgeteilt)
admin-experts-suspend-hint = Ein gesperrter Experte wird in der Suche ausgeblendet; bereits gebuchte Sitzungen bleiben gebucht.
admin-experts-saved-decision = Die Entscheidung wurde gespeichert und dem Bewerber per E-Mail mitgeteilt.
admin-experts-saved-suspension = Erledigt. Der Experte wurde per E-Mail benachrichtigt.
expert-decision-approve = Genehmigen
expert-decision-reject = Ablehnen
expert-decision-request-changes = Änderungen anfordern
expert-decision-invalid = Wählen Sie „Genehmigen“, „Änderungen anfordern“ oder „Ablehnen“.
expert-reason-required = Geben Sie eine Begründung mit mindestens 3 Zeichen an.
expert-reason-too-long = Halten Sie die Begründung unter 2.000 Zeichen.
age-days = { $count } Tg.
age-hours = { $count } Std.
age-minutes = { $count } Min.
admin-specialties-title = Fachgebiete
admin-specialties-category = Kategorie
admin-specialties-name = Neues Fachgebiet
admin-specialties-add = Fachgebiet hinzufügen
admin-specialties-rename = Umbenennen
admin-specialties-rename-named = Neuer Name für { $name }
specialty-name-invalid = Verwenden Sie für den Namen 2 bis 80 Zeichen.
specialty-exists = Ein Fachgebiet mit diesem Namen existiert bereits.
specialty-category-unknown = Wählen Sie eine der Kategorien.

## Email
email-expert-approve-subject = Sie sind jetzt verifizierter Experte bei Mentora
email-expert-approve-body = Guten Tag { $name },

    Ihre Bewerbung als Experte wurde genehmigt. Anmerkung des Prüfers: { $reason }

    Richten Sie als Nächstes Auszahlungen ein, damit Lernende Sie buchen können: { $link }
email-expert-reject-subject = Zu Ihrer Bewerbung als Experte bei Mentora
email-expert-reject-body = Guten Tag { $name },

    leider können wir Ihre Bewerbung als Experte nicht genehmigen. Begründung des Prüfers: { $reason }

    Ihre Bewerbung: { $link }
email-expert-request-changes-subject = Änderungen an Ihrer Bewerbung als Experte bei Mentora angefordert
email-expert-request-changes-body = Guten Tag { $name },

    bevor Ihre Bewerbung genehmigt werden kann, bittet ein Prüfer um Änderungen: { $reason }

    Bearbeiten Sie sie und reichen Sie sie erneut ein: { $link }
email-expert-suspended-subject = Ihr Expertenprofil bei Mentora wurde gesperrt
email-expert-suspended-body = Guten Tag { $name },

    Ihr Expertenprofil wurde gesperrt und ist in der Suche ausgeblendet. Bereits gebuchte Sitzungen bleiben gebucht. Grund: { $reason }
email-expert-reinstated-subject = Ihr Expertenprofil bei Mentora ist wieder aktiv
email-expert-reinstated-body = Guten Tag { $name },

    Ihr Expertenprofil ist wieder sichtbar. Anmerkung: { $reason }

## Errors
error-email-unverified-title = Bestätigen Sie zuerst Ihre E-Mail-Adresse
error-email-unverified-detail = Hierfür ist eine bestätigte E-Mail-Adresse erforderlich. Verwenden Sie den Link aus unserer E-Mail, oder senden Sie ihn über Ihr Profil erneut.
error-application-exists-title = Sie haben sich bereits beworben
error-application-exists-detail = Für dieses Konto besteht bereits eine Bewerbung als Experte; bearbeiten Sie diese, statt eine neue zu beginnen.
error-application-state-title = In diesem Stadium nicht möglich
error-application-state-detail = Die Bewerbung hat den Status { $status }, der dies nicht zulässt.
error-payment-provider-unavailable-title = Der Zahlungsdienstleister hat nicht geantwortet
error-payment-provider-unavailable-detail = Wir konnten den Zahlungsdienstleister nicht erreichen. Es wurde nichts geändert; versuchen Sie es gleich noch einmal.
error-webhook-invalid-title = Webhook abgelehnt
error-webhook-invalid-detail = Die Zustellung wurde nicht angenommen: { $problem }
admin-suspend-ask-title = { $name } sperren?
admin-suspend-ask-what = { $name } verschwindet sofort aus dem Verzeichnis; anstehende Sitzungen werden abgesagt und voll erstattet.
admin-suspend-ask-reason = Die Begründung geht per E-Mail an die Person: { $reason }
admin-suspend-keep = Nicht sperren
expert-document-ask-title = { $file } entfernen?
expert-document-ask-what = Die Datei wird endgültig gelöscht; laden Sie sie bei Bedarf erneut hoch.
expert-document-keep = Datei behalten
expert-document-remove-yes = Ja, entfernen
admin-review-status-none = Nicht begonnen
admin-review-status-draft = Entwurf: noch nicht eingereicht
admin-review-status-submitted = Eingereicht: wartet auf eine Entscheidung
admin-review-status-changes-requested = Änderungen angefordert: wartet auf die antragstellende Person
admin-review-status-approved = Genehmigt
admin-review-status-rejected = Nicht genehmigt
admin-review-field-bio = Über die antragstellende Person
admin-review-field-specialties = Fachgebiete
admin-review-field-languages = Unterrichtet auf
admin-review-field-rates = Preise pro Sitzung
admin-review-field-video = Vorstellungsvideo
admin-audit-erased = Gelöschtes Konto
audit-calendar-chosen = Kalender ausgewählt
audit-calendar-connected = Kalender verbunden
audit-calendar-disconnected = Kalender getrennt
audit-calendar-reconnected = Kalender erneut verbunden
audit-expert-application-saved = Expertenantrag gespeichert
audit-expert-application-submitted = Expertenantrag eingereicht
audit-expert-approved = Experte genehmigt
audit-expert-changes-requested = Änderungen vom Antrag angefordert
audit-expert-document-removed = Nachweis entfernt
audit-expert-document-uploaded = Nachweis hochgeladen
audit-expert-reinstated = Experte wieder freigegeben
audit-expert-rejected = Expertenantrag abgelehnt
audit-expert-suspended = Experte gesperrt
audit-job-discarded = Hintergrundaufgabe verworfen
audit-job-retried = Hintergrundaufgabe erneut versucht
audit-login-link-sent = Anmeldelink gesendet
audit-login-link-used = Mit E-Mail-Link angemeldet
audit-payments-commission-set = Provision geändert
audit-payments-rate-set = Wechselkurs festgelegt
audit-payments-refunded = Zahlung erstattet
audit-payouts-account-updated = Auszahlungskonto aktualisiert
audit-payouts-onboarding-started = Einrichtung der Auszahlungen begonnen
audit-payouts-sandbox-completed = Einrichtung der Auszahlungen abgeschlossen (Testmodus)
audit-review-hidden = Bewertung ausgeblendet
audit-review-reports-cleared = Bewertung behalten, Meldungen gelesen
audit-review-restored = Bewertung wieder angezeigt
audit-taxonomy-specialty-added = Fachgebiet hinzugefügt
audit-taxonomy-specialty-renamed = Fachgebiet umbenannt
audit-test-clock-moved = Testuhr verstellt
directory-next-free = Nächster freier Termin: { $when } ({ $zone })
