# Scheduling: availability rules, the editor, free slots and the slot picker.

nav-availability = Verfügbarkeit

## Errors
error-expert-profile-required-title = Richten Sie zuerst Ihr Expertenprofil ein
error-expert-profile-required-detail = Die Verfügbarkeit gehört zu einem Expertenprofil. Beginnen Sie Ihre Bewerbung unter /experts/apply und legen Sie dann Ihre Zeiten fest.
error-time-zone-unknown-title = Unbekannte Zeitzone
error-time-zone-unknown-detail = „{ $zone }“ ist keine uns bekannte Zeitzone. Verwenden Sie einen IANA-Namen wie Europe/Berlin oder America/New_York.
error-duration-not-offered-title = Sitzungsdauer nicht angeboten
error-duration-not-offered-detail = Dieser Experte bietet keine Sitzungen von { $minutes } Minuten an. Die Antwort des slots-Endpunkts listet die angebotenen Dauern auf.
error-slot-window-invalid-title = Ungültiges Zeitfenster
error-slot-window-invalid-detail = Das Zeitfenster ist ungültig ({ $part }): Geben Sie from und to als RFC-3339-Zeitpunkte oder -Daten an, wobei to nach from liegen muss.
error-slot-window-too-large-title = Zeitfenster zu groß
error-slot-window-too-large-detail = Fordern Sie freie Termine für höchstens { $days } Tage auf einmal an.

## Validation
availability-zone-invalid = Wählen Sie eine Zeitzone über ihren IANA-Namen, z. B. Europe/Berlin.
availability-weekday-invalid = Wochentage sind mon, tue, wed, thu, fri, sat und sun.
availability-time-invalid = Geben Sie Uhrzeiten als HH:MM an, z. B. 09:00, und jeweils einen Beginn und ein Ende.
availability-interval-order = Jedes Ende muss nach seinem Beginn liegen (24:00 ist das späteste Ende).
availability-interval-overlap = Diese Zeiten überschneiden sich; lassen Sie jedes Intervall enden, bevor das nächste beginnt.
availability-too-many-intervals = Höchstens 10 Intervalle pro Tag.
availability-date-invalid = Geben Sie Daten als JJJJ-MM-TT an.
availability-date-repeated = Für jedes Datum ist nur eine Abweichung möglich.
availability-too-many-overrides = Höchstens 400 datumsbezogene Abweichungen.
availability-time-off-invalid = Geben Sie eine Abwesenheit mit Beginn und Ende an, jeweils mit Datum und Uhrzeit.
availability-time-off-order = Eine Abwesenheit muss nach ihrem Beginn enden und darf höchstens ein Jahr dauern.
availability-too-many-time-off = Höchstens 500 Abwesenheitszeiträume.
availability-buffer-invalid = Pufferzeiten sind ganze Minuten von 0 bis 240.
availability-notice-invalid = Die Mindestvorlaufzeit beträgt ganze Minuten von 0 bis 43200 (30 Tage).
availability-horizon-invalid = Der Buchungszeitraum beträgt 1 bis 365 Tage.
availability-durations-empty = Bieten Sie mindestens eine Sitzungsdauer an.
availability-duration-invalid = Bieten Sie höchstens 6 Sitzungsdauern an.
availability-duration-no-rate = Jede angebotene Sitzungsdauer benötigt zuerst einen Preis in Ihrer Bewerbung.
availability-step-invalid = Termine beginnen alle 5 bis 240 Minuten, in Schritten von 5.
availability-cap-invalid = Das Tageslimit beträgt 1 bis 48 Sitzungen; lassen Sie das Feld für kein Limit leer.

## The editor
availability-title = Ihre Verfügbarkeit
availability-intro = Legen Sie die Zeiten fest, zu denen Lernende buchen können – in Ihrer eigenen Zeitzone. Lernende sehen sie in ihre eigene umgerechnet.
availability-saved = Verfügbarkeit gespeichert. Lernende sehen die Änderung sofort.
availability-no-profile = Die Verfügbarkeit gehört zu einem Expertenprofil. Beginnen Sie zuerst Ihre Bewerbung.
availability-start-application = Bewerbung beginnen
availability-zone = Ihre Zeitzone
availability-zone-hint = Ein IANA-Name, z. B. Europe/Berlin. Alle Zeiten auf dieser Seite beziehen sich auf diese Zeitzone.
availability-weekly = Wöchentliche Zeiten
availability-weekly-hint = Schalten Sie die Tage ein, an denen Sie arbeiten, und geben Sie die Zeiten an; ein Tag kann mehrere Intervalle haben. Enden Sie um 00:00, um bis Mitternacht zu arbeiten.
availability-from = Von
availability-to = Bis
availability-row = { $day }, Intervall { $n }
availability-not-saved = Geändert, noch nicht gespeichert: Klicken Sie auf „Verfügbarkeit speichern“, um es zu behalten.
availability-day-bookable = Buchbar
availability-day-unavailable = Nicht verfügbar: An diesem Tag kann nicht gebucht werden.
availability-remove = Entfernen
availability-remove-row = { $row } entfernen
availability-add = Intervall hinzufügen
availability-copy = Auf andere Tage kopieren
availability-copy-to = Zeiten von { $day } kopieren nach
availability-copy-button = Zeiten von { $day } kopieren
availability-row-time-invalid = { $day }, Intervall { $n }: Geben Sie eine Anfangs- und eine Endzeit an.
availability-row-order = { $day }, Intervall { $n } ({ $from }–{ $to }): Das Ende muss nach dem Beginn liegen. Enden Sie um 00:00, um bis Mitternacht zu arbeiten.
availability-row-overlap = { $day }, Intervall { $n } ({ $from }–{ $to }) überschneidet sich mit Intervall { $other }: Jedes Intervall muss enden, bevor das nächste beginnt.
availability-row-too-many = { $day }: höchstens { $most } Intervalle pro Tag.
availability-overrides = Abweichungen für einzelne Tage
availability-overrides-hint = Ersetzen Sie die Zeiten eines Datums, z. B. „10:00-13:00, 15:00-18:00“; lassen Sie die Zeiten leer, um den Tag zu schließen. Leeren Sie das Datum, um eine Abweichung zu entfernen.
availability-override-date = Datum
availability-override-hours = Zeiten an diesem Tag
availability-time-off = Abwesenheit
availability-time-off-hint = Zwischen diesen Daten und Uhrzeiten kann nichts gebucht werden.
availability-time-off-from = Beginn
availability-time-off-to = Ende
availability-settings = Buchungseinstellungen
availability-buffer-before = Freie Zeit vor jeder Sitzung (Minuten)
availability-buffer-after = Freie Zeit nach jeder Sitzung (Minuten)
availability-notice = Mindestvorlaufzeit (Minuten)
availability-notice-hint = Lernende können nicht kurzfristiger buchen. 240 Minuten sind 4 Stunden.
availability-horizon = Wie weit im Voraus Lernende buchen können (Tage)
availability-horizon-hint = Termine reichen bis zum Ende des letzten Tages in Ihrer Zeitzone: 60 Tage, gebucht am 1. März, reichen bis zum 30. April.
availability-align = Einen Beginn direkt nach dem Ende einer Sitzung oder belegten Zeit anbieten
availability-align-hint = Aus: Beginnzeiten bleiben in Ihrem Raster (eine 15-minütige Sitzung um 10:00 lässt den nächsten Beginn um 10:30). Ein: Der nächste Beginn folgt dem Ende (10:15), zuzüglich Ihrer freien Zeit vor jeder Sitzung.
availability-durations = Angebotene Sitzungsdauern
availability-durations-hint = Nur Dauern mit einem Preis in Ihrer Bewerbung können angeboten werden.
availability-step = Ein Termin beginnt alle
availability-cap = Höchstzahl an Sitzungen pro Tag
availability-cap-hint = Leer lassen für kein Limit.
availability-minutes = { $minutes } Minuten
availability-save = Verfügbarkeit speichern
availability-preview = Die nächsten 14 Tage, wie Lernende sie sehen
availability-preview-hint = Sitzungen von { $minutes } Minuten, angezeigt in Ihrer Zeitzone ({ $zone }).
availability-preview-unlisted = Lernende sehen diese Termine, sobald Ihr Profil veröffentlicht ist.
availability-preview-empty = Keine freien Termine in den nächsten 14 Tagen.
availability-preview-none = Speichern Sie Ihre Zeiten, um eine Vorschau zu sehen.

## Weekdays
weekday-mon = Montag
weekday-tue = Dienstag
weekday-wed = Mittwoch
weekday-thu = Donnerstag
weekday-fri = Freitag
weekday-sat = Samstag
weekday-sun = Sonntag

## The slot picker
slots-title = Sitzung buchen
slots-zone = Zeiten angezeigt in
slots-zone-hint = Eine Stadt oder Zeitzone, etwa Berlin oder America/New_York: Wählen Sie eine aus der Liste.
slots-zone-invalid = „{ $zone }“ ist keine Stadt oder Zeitzone, die wir kennen: Wählen Sie eine aus der Liste.
slots-part-morning = Vormittag
slots-part-afternoon = Nachmittag
slots-part-evening = Abend
slots-day-free = { $date }: freie Zeiten
slots-day-free-shown = { $date }: freie Zeiten, unten angezeigt
slots-previous-month = Vorheriger Monat
slots-next-month = Nächster Monat
slots-month-hint = Tage mit freien Zeiten sind Links: Wählen Sie einen, um die Woche ab diesem Tag zu sehen. Im Kalender wechseln die Pfeiltasten zwischen ihnen.
slots-chosen = Ihre Sitzung:
slots-duration = Sitzungsdauer
slots-show = Zeiten anzeigen
slots-week = { $from } bis { $to }
slots-previous-week = Vorherige Woche
slots-next-week = Nächste Woche
slots-none-day = Keine freien Termine
slots-none-week = Diese Woche gibt es keine freien Termine. Versuchen Sie es mit der nächsten Woche.
slots-no-hours = Dieser Experte hat seine Zeiten noch nicht veröffentlicht.
slots-slot-label = { $date }, { $time } ({ $zone }), { $minutes } Minuten
slots-clock-change = In { $zone } wird am { $date } die Uhr umgestellt: Aus { $before } wird { $after }. Zeiten rund um die Umstellung werden so angezeigt, wie die Uhren sie dann anzeigen.
slots-expert-zone = Der Experte arbeitet in der Zeitzone { $zone }.
slots-book-soon = Dieser Termin ist gerade frei. Buchung und Bezahlung sind bald möglich.

## The chosen slot
slot-review-title = Ihre Sitzung
slot-review-your-time = Ihre Zeit
slot-review-expert-time = Zeit des Experten
slot-review-length = Dauer
slot-review-price = Preis
slot-review-gone = Dieser Termin ist nicht mehr frei. Wählen Sie einen anderen.
slot-review-back = Zurück zu den Terminen

## The overrides calendar
availability-calendar-hint = Wählen Sie ein Datum, um ihm andere Zeiten zu geben oder es zu schließen; es wird zu den Zeilen unten hinzugefügt.
availability-day-open = Übliche Zeiten
availability-day-special = Andere Zeiten
availability-day-closed = Geschlossen
availability-day-time-off = Abwesenheit
availability-day-none = Keine Zeiten
availability-day-link = { $date }: { $state }. Andere Zeiten für dieses Datum festlegen.
weekday-short-mon = Mo
weekday-short-tue = Di
weekday-short-wed = Mi
weekday-short-thu = Do
weekday-short-fri = Fr
weekday-short-sat = Sa
weekday-short-sun = So
