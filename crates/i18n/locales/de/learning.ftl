# Der Lernverlauf: Bewertungen, Sitzungsnotizen und Materialien, Ziele und die Zeitleiste, NPS.
nav-my-learning = Mein Lernweg
nav-admin-reviews = Bewertungen
nav-admin-kpis = Kennzahlen

## Bewertungen auf der Buchungsseite
review-title = Ihre Bewertung
review-lead = Wie war Ihre Sitzung mit { $expert }? Ihre Bewertung erscheint öffentlich im Expertenprofil, nur mit Ihrem Vornamen.
review-rating = Gesamtbewertung
review-stars = { $stars ->
    [one] 1 Stern
   *[other] { $stars } Sterne
}
review-stars-of-five = { $stars } von 5
review-aspects = Details (optional)
review-clarity = Verständlichkeit
review-preparation = Vorbereitung
review-punctuality = Pünktlichkeit
review-aspect-none = Nicht bewertet
review-body = Ihr Bewertungstext (optional)
review-body-hint = Was haben Sie gelernt? Was würden Sie jemandem sagen, der überlegt, diesen Experten zu wählen?
review-publish = Bewertung veröffentlichen
review-save-changes = Änderungen speichern
review-editable-until = Sie können Ihre Bewertung bis { $until } ändern.
review-edited = bearbeitet
review-published = Ihre Bewertung ist veröffentlicht.
review-window-closed = Sitzungen können bis 30 Tage nach ihrem Ende bewertet werden.
review-none-yet = { $learner } hat diese Sitzung noch nicht bewertet.
review-learner-said = Bewertung von { $learner }
review-reply = Öffentlich antworten
review-reply-hint = Ihre Antwort erscheint in Ihrem Profil unter der Bewertung. Sie können einmal antworten.
review-reply-publish = Antwort veröffentlichen
review-reply-from = Antwort von { $expert }
review-hidden-note = Ein Administrator hat diese Bewertung ausgeblendet: { $reason }

## Bewertungen im Profil
reviews-title = Bewertungen
reviews-average = { $average } von 5
reviews-count = { $count ->
    [one] 1 Bewertung
   *[other] { $count } Bewertungen
}
reviews-none = Noch keine Bewertungen.
reviews-distribution = Verteilung der Bewertungen
reviews-share = { $stars } Sterne: { $percent } %
reviews-sort = Reihenfolge
reviews-sort-newest = Neueste zuerst
reviews-sort-helpful = Hilfreichste zuerst
reviews-helpful = Hilfreich ({ $count })
reviews-helpful-marked = Sie fanden das hilfreich ({ $count })
reviews-report = Diese Bewertung melden
reviews-report-reason = Warum sollte sich ein Administrator die Bewertung ansehen?
reviews-report-send = Meldung senden
reviews-reported = Vielen Dank. Ein Administrator sieht sich diese Bewertung an.
reviews-more = Weitere Bewertungen
reviews-sign-in-to-act = Melden Sie sich an, um Bewertungen als hilfreich zu markieren oder zu melden.

## Feldfehler
review-rating-invalid = Wählen Sie einen bis fünf Sterne.
review-aspect-invalid = Bewerten Sie dies mit einem bis fünf Sternen, oder lassen Sie es unbewertet.
review-body-too-long = Halten Sie Ihre Bewertung unter 4.000 Zeichen.
review-reply-required = Schreiben Sie Ihre Antwort.
review-reply-too-long = Halten Sie Ihre Antwort unter 4.000 Zeichen.
review-reason-required = Geben Sie einen Grund an.
review-reason-too-long = Halten Sie die Begründung unter 500 Zeichen.
review-already-hidden = Diese Bewertung ist bereits ausgeblendet.
review-not-hidden = Diese Bewertung ist nicht ausgeblendet.

## Sitzungsnotizen und Materialien
notes-title = Sitzungsnotizen
notes-link = Notizen, Materialien und Chat
notes-session = { $expert } mit { $learner }, { $when }
notes-shared-title = Gemeinsame Notizen
notes-shared-lead = Sie und { $other } sehen und bearbeiten diese Notizen gemeinsam. Markdown funktioniert: **bold**, Listen, Links.
notes-shared-empty = Noch hat niemand Notizen geschrieben.
notes-shared-label = Gemeinsame Notizen bearbeiten
notes-shared-save = Gemeinsame Notizen speichern
notes-last-saved = Version { $version }, gespeichert von { $name }, { $at }.
notes-saved = Gespeichert.
notes-conflict = { $name } hat diese Notizen gespeichert, während Sie sie bearbeitet haben (jetzt Version { $version }). Von Ihrem Text ist nichts verloren gegangen: Er steht im Feld unten, die andere Version wird darüber angezeigt. Führen Sie beide zusammen und speichern Sie erneut.
notes-their-version = Die Notizen im aktuellen Stand
notes-private-title = Meine privaten Notizen
notes-private-lead = Nur Sie können diese Notizen sehen.
notes-private-label = Ihre privaten Notizen
notes-private-save = Meine Notizen speichern
notes-too-long = Halten Sie die Notizen unter 50.000 Zeichen.
resources-title = Materialien
resources-none = Noch keine Materialien.
resources-added-by = hinzugefügt von { $name }
resources-remove = Entfernen
resources-remove-label = { $title } entfernen
resources-add-link = Link hinzufügen
resources-link-title = Titel (optional)
resources-link-url = Link (https://…)
resources-link-add = Link hinzufügen
resources-add-file = Datei hinzufügen
resources-file-title = Titel (optional)
resources-file = Datei
resources-file-hint = Eine PDF-, JPEG- oder PNG-Datei mit höchstens 10 MB.
resources-file-add = Datei hochladen
resource-url-invalid = Geben Sie eine vollständige Webadresse ein, die mit https:// oder http:// beginnt.
resource-title-too-long = Halten Sie den Titel unter 200 Zeichen.
resource-file-required = Wählen Sie eine Datei.
resource-file-too-large = Diese Datei ist größer als 10 MB.
resource-file-type = Nur PDF-, JPEG- und PNG-Dateien können angehängt werden; diese Datei ist keines davon.
resource-too-many = Diese Sitzung hat 30 Materialien, mehr sind nicht möglich. Entfernen Sie zuerst eines.
chat-title = Chat aus der Sitzung
chat-none = Im Chat der Sitzung wurde nichts geschrieben.

## Ziele auf der Buchungsseite
session-goals-title = Ziele, denen diese Sitzung dient
session-goals-none = Mit dieser Sitzung ist kein Ziel verknüpft.
session-goals-link = Ziel verknüpfen
session-goals-pick = Ziel
session-goals-add = Verknüpfen
session-goals-unlink = Verknüpfung lösen
session-goals-unlink-label = Verknüpfung mit { $title } lösen
session-goals-shared-title = Worauf { $learner } hinarbeitet
session-goals-shared-none = { $learner } hat für diese Sitzung keine Ziele geteilt.
session-goals-new = Legen Sie auf der Seite „Mein Lernweg“ ein Ziel fest.

## Seite mit Zielen und Zeitleiste
learning-title = Mein Lernweg
learning-lead = Ihre Ziele und alles, was auf dem Weg dorthin geschehen ist.
goals-title = Ziele
goals-none = Sie haben noch keine Ziele. Was möchten Sie erreichen?
goals-new = Neues Ziel
goals-field-title = Ziel
goals-field-title-hint = Zum Beispiel: „Ein 10-minütiges Gespräch auf Japanisch führen“.
goals-field-detail = Mehr dazu (optional)
goals-field-target = Zieldatum (optional)
goals-field-status = Status
goals-field-shared = Mit den Experten verknüpfter Sitzungen teilen
goals-field-shared-hint = Die Experten sehen es vor der Sitzung auf der Buchungsseite.
goals-create = Ziel hinzufügen
goals-save = Speichern
goals-target = Zieldatum: { $date }
goals-sessions = { $count ->
    [one] 1 Sitzung
   *[other] { $count } Sitzungen
}
goals-shared = Mit Experten geteilt
goals-private = Nur Sie
goal-status-active = Aktiv
goal-status-achieved = Erreicht
goal-status-dropped = Aufgegeben
goal-title-required = Geben Sie an, worin das Ziel besteht.
goal-title-too-long = Halten Sie das Ziel unter 200 Zeichen.
goal-detail-too-long = Halten Sie die Beschreibung unter 2.000 Zeichen.
goal-status-invalid = Wählen Sie aktiv, erreicht oder aufgegeben.
goal-target-invalid = Geben Sie ein Datum wie 2027-03-31 ein.
goal-too-many = Sie haben 50 Ziele, mehr kann eine Person nicht haben. Geben Sie zuerst eines auf.
goals-edit-label = { $title } ändern
timeline-title = Zeitleiste
timeline-none = Noch nichts. Ihre Sitzungen, Notizen und Ziele erscheinen hier.
timeline-session = Sitzung mit { $expert }: { $status }
timeline-notes = Gemeinsame Notizen gespeichert
timeline-resource = Material angehängt: { $title }
timeline-review = Sie haben eine Sitzung mit { $expert } bewertet: { $stars } von 5
timeline-goal-set = Ziel festgelegt: { $title }
timeline-goal-status = { $title }: jetzt { $status }
timeline-goal-target = { $title }: Zieldatum auf { $date } verschoben
timeline-goal-target-cleared = { $title }: Zieldatum entfernt

## NPS
nps-title = Eine kurze Frage
nps-question = Wie wahrscheinlich ist es, dass Sie Mentora einem Freund oder Kollegen empfehlen?
nps-low = 0 = überhaupt nicht wahrscheinlich
nps-high = 10 = äußerst wahrscheinlich
nps-comment = Was ist der wichtigste Grund für Ihre Bewertung? (optional)
nps-send = Senden
nps-not-now = Nicht jetzt
nps-thanks = Vielen Dank für Ihre Antwort.
nps-score-invalid = Wählen Sie eine Zahl von 0 bis 10.
nps-comment-too-long = Halten Sie Ihren Kommentar unter 2.000 Zeichen.

## Administration
admin-reviews-title = Zu moderierende Bewertungen
admin-reviews-lead = Gemeldete Bewertungen und Bewertungen, die ein Administrator ausgeblendet hat. Eine ausgeblendete Bewertung verschwindet aus dem Profil und aus der Gesamtbewertung des Experten; der Grund wird im Audit-Protokoll gespeichert.
admin-reviews-none = Keine Bewertung ist gemeldet oder ausgeblendet.
admin-reviews-review = Bewertung
admin-reviews-expert = Experte
admin-reviews-learner = Lernende/r
admin-reviews-reports = Meldungen
admin-reviews-state = Status
admin-reviews-shown = Sichtbar
admin-reviews-hidden = Ausgeblendet: { $reason }
admin-reviews-reason = Grund
admin-reviews-hide = Ausblenden
admin-reviews-restore = Wiederherstellen
admin-kpis-title = Kennzahlen
admin-nps-title = Net Promoter Score, letzte { $days } Tage
admin-nps-score = Wert
admin-nps-none = Keine Antworten in diesem Zeitraum.
admin-nps-answers = Antworten
admin-nps-promoters = Promotoren (9–10)
admin-nps-passives = Passive (7–8)
admin-nps-detractors = Kritiker (0–6)
admin-nps-comments = Neueste Kommentare

## API- und Seitenfehler
error-session-not-completed-title = Die Sitzung ist nicht abgeschlossen
error-session-not-completed-detail = Nur abgeschlossene Sitzungen können bewertet werden.
error-review-window-closed-title = Die Frist für Bewertungen ist abgelaufen
error-review-window-closed-detail = Sitzungen können bis 30 Tage nach ihrem Ende bewertet werden.
error-review-exists-title = Bereits bewertet
error-review-exists-detail = Diese Sitzung hat bereits eine Bewertung; ändern Sie stattdessen diese (innerhalb von 48 Stunden nach dem Verfassen).
error-review-edit-closed-title = Die Bewertung kann nicht mehr geändert werden
error-review-edit-closed-detail = Eine Bewertung kann bis 48 Stunden nach dem Verfassen geändert werden.
error-reply-exists-title = Bereits beantwortet
error-reply-exists-detail = Der Experte kann auf eine Bewertung nur einmal antworten.
error-notes-conflict-title = Die Notizen wurden inzwischen geändert
error-notes-conflict-detail = Jemand hat die gemeinsamen Notizen gespeichert, nachdem Sie sie gelesen hatten, daher wurden Ihre nicht gespeichert. Lesen Sie die aktuelle Version, führen Sie die Änderungen zusammen und speichern Sie erneut mit deren Versionsnummer.
error-nps-not-due-title = Derzeit nicht gefragt
error-nps-not-due-detail = Die Empfehlungsfrage wird nach einigen abgeschlossenen Sitzungen gestellt, einmal pro Zeitraum.
reviews-order-invalid = Sortieren Sie nach neuesten oder hilfreichsten.
reviews-page-invalid = Wählen Sie eine Seite von 0 bis 1000.
admin-nps-days-invalid = Wählen Sie einen Zeitraum von 1 bis 3650 Tagen.
notes-open-new-tab = Sitzungsnotizen (öffnen sich in einem neuen Tab)
review-decision-invalid = Wählen Sie ausblenden, wiederherstellen oder beibehalten.
admin-reviews-keep = Beibehalten (Meldungen gelesen)
review-not-saved = Ihr Text, nicht gespeichert (kopieren Sie ihn, bevor Sie die Seite verlassen):
