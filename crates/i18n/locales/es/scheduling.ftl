# Agenda: reglas de disponibilidad, el editor, horarios libres y el selector de horarios.

nav-availability = Disponibilidad

## Errors
error-expert-profile-required-title = Primero crea tu perfil de experto
error-expert-profile-required-detail = La disponibilidad pertenece a un perfil de experto. Empieza tu solicitud en /experts/apply y luego define tus horarios.
error-time-zone-unknown-title = Zona horaria desconocida
error-time-zone-unknown-detail = «{ $zone }» no es una zona horaria conocida. Usa un nombre IANA como Europe/Madrid o America/New_York.
error-duration-not-offered-title = Duración no ofrecida
error-duration-not-offered-detail = Este experto no ofrece sesiones de { $minutes } minutos. La respuesta del listado de horarios indica las duraciones que ofrece.
error-slot-window-invalid-title = Intervalo de tiempo no válido
error-slot-window-invalid-detail = El intervalo no es válido ({ $part }): indica from y to como instantes RFC 3339 o fechas, con to posterior a from.
error-slot-window-too-large-title = Intervalo de tiempo demasiado amplio
error-slot-window-too-large-detail = Pide como máximo { $days } días de horarios a la vez.

## Validation
availability-zone-invalid = Elige una zona horaria por su nombre IANA, como Europe/Madrid.
availability-weekday-invalid = Los días son mon, tue, wed, thu, fri, sat y sun.
availability-time-invalid = Escribe las horas como HH:MM, por ejemplo 09:00, con inicio y fin.
availability-interval-order = Cada fin debe ser posterior a su inicio (24:00 es el fin más tardío).
availability-interval-overlap = Estos horarios se solapan; haz que cada intervalo termine antes de que empiece el siguiente.
availability-too-many-intervals = Como máximo 10 intervalos por día.
availability-date-invalid = Escribe las fechas como AAAA-MM-DD.
availability-date-repeated = Cada fecha admite una sola excepción.
availability-too-many-overrides = Como máximo 400 excepciones con fecha.
availability-time-off-invalid = Indica la ausencia con una fecha y hora de inicio y de fin.
availability-time-off-order = La ausencia debe terminar después de empezar y durar como máximo un año.
availability-too-many-time-off = Como máximo 500 ausencias.
availability-buffer-invalid = Los márgenes son minutos enteros de 0 a 240.
availability-notice-invalid = La antelación mínima son minutos enteros de 0 a 43200 (30 días).
availability-horizon-invalid = El horizonte de reserva es de 1 a 365 días.
availability-durations-empty = Ofrece al menos una duración de sesión.
availability-duration-invalid = Ofrece como máximo 6 duraciones.
availability-duration-no-rate = Cada duración que ofrezcas necesita antes un precio en tu solicitud.
availability-step-invalid = Los horarios empiezan cada 5 a 240 minutos, en múltiplos de 5.
availability-cap-invalid = El límite diario es de 1 a 48 sesiones, o vacío para no tener límite.

## The editor
availability-title = Tu disponibilidad
availability-intro = Define las horas que se pueden reservar, en tu propia zona horaria. Cada estudiante las ve convertidas a la suya.
availability-saved = Disponibilidad guardada. Los estudiantes ven el cambio al instante.
availability-no-profile = La disponibilidad pertenece a un perfil de experto. Empieza primero tu solicitud.
availability-start-application = Empezar tu solicitud
availability-zone = Tu zona horaria
availability-zone-hint = Un nombre IANA, como Europe/Madrid. Todas las horas de esta página están en esta zona.
availability-weekly = Horario semanal
availability-weekly-hint = Activa los días en que trabajas e indica su horario; un día puede tener varios intervalos. Termina a las 00:00 para trabajar hasta medianoche.
availability-from = Desde
availability-to = Hasta
availability-row = { $day }, intervalo { $n }
availability-not-saved = Cambiado, aún sin guardar: pulsa «Guardar disponibilidad» para conservarlo.
availability-day-bookable = Reservable
availability-day-unavailable = No disponible: los estudiantes no pueden reservar este día.
availability-remove = Quitar
availability-remove-row = Quitar { $row }
availability-add = Añadir un intervalo
availability-copy = Copiar a otros días
availability-copy-to = Copiar el horario de { $day } a
availability-copy-button = Copiar el horario de { $day }
availability-row-time-invalid = { $day }, intervalo { $n }: indica una hora de inicio y una de fin.
availability-row-order = { $day }, intervalo { $n } ({ $from }–{ $to }): el fin debe ser posterior al inicio. Termina a las 00:00 para trabajar hasta medianoche.
availability-row-overlap = { $day }, intervalo { $n } ({ $from }–{ $to }) se solapa con el intervalo { $other }: haz que cada intervalo termine antes de que empiece el siguiente.
availability-row-too-many = { $day }: como máximo { $most } intervalos al día.
availability-overrides = Excepciones por fecha
availability-overrides-hint = Sustituye el horario de una fecha, como "10:00-13:00, 15:00-18:00"; deja las horas vacías para cerrar el día. Borra la fecha para quitar una excepción.
availability-override-date = Fecha
availability-override-hours = Horas ese día
availability-time-off = Ausencias
availability-time-off-hint = No se puede reservar nada entre estas fechas y horas.
availability-time-off-from = Empieza
availability-time-off-to = Termina
availability-settings = Ajustes de reserva
availability-buffer-before = Tiempo libre antes de cada sesión (minutos)
availability-buffer-after = Tiempo libre después de cada sesión (minutos)
availability-notice = Antelación mínima (minutos)
availability-notice-hint = No se puede reservar con menos antelación. 240 minutos son 4 horas.
availability-horizon = Con cuánta antelación se puede reservar (días)
availability-horizon-hint = Las horas de inicio llegan hasta el final del último día, en tu zona horaria: 60 días reservados el 1 de marzo llegan hasta el 30 de abril.
availability-align = Ofrecer un inicio justo cuando termina una sesión o un periodo ocupado
availability-align-hint = Desactivado: los inicios siguen tu intervalo (una sesión de 15 minutos a las 10:00 deja el siguiente inicio a las 10:30). Activado: el siguiente inicio sigue al final (10:15), más tu tiempo libre antes de cada sesión.
availability-durations = Duraciones ofrecidas
availability-durations-hint = Solo se pueden ofrecer duraciones con precio en tu solicitud.
availability-step = Un horario empieza cada
availability-cap = Máximo de sesiones en un día
availability-cap-hint = Déjalo vacío para no tener límite.
availability-minutes = { $minutes } minutos
availability-save = Guardar disponibilidad
availability-preview = Los próximos 14 días, tal como los verán los estudiantes
availability-preview-hint = Sesiones de { $minutes } minutos, en tu zona horaria ({ $zone }).
availability-preview-unlisted = Los estudiantes los verán cuando tu perfil esté publicado.
availability-preview-empty = No hay horarios libres en los próximos 14 días.
availability-preview-none = Guarda tu horario para ver una vista previa.

## Weekdays
weekday-mon = Lunes
weekday-tue = Martes
weekday-wed = Miércoles
weekday-thu = Jueves
weekday-fri = Viernes
weekday-sat = Sábado
weekday-sun = Domingo

## The slot picker
slots-title = Reserva una sesión
slots-zone = Horas mostradas en
slots-zone-hint = Una ciudad o zona horaria, como Berlin o America/New_York: elige una de la lista.
slots-zone-invalid = «{ $zone }» no es una ciudad ni una zona horaria que conozcamos: elige una de la lista.
slots-part-morning = Mañana
slots-part-afternoon = Tarde
slots-part-evening = Noche
slots-day-free = { $date }: horas libres
slots-day-free-shown = { $date }: horas libres, mostradas abajo
slots-previous-month = Mes anterior
slots-next-month = Mes siguiente
slots-month-hint = Los días con horas libres son enlaces: elige uno para ver la semana desde ese día. En el calendario, las flechas del teclado pasan de uno a otro.
slots-chosen = Tu sesión:
slots-duration = Duración de la sesión
slots-show = Ver horarios
slots-week = Del { $from } al { $to }
slots-previous-week = Semana anterior
slots-next-week = Semana siguiente
slots-none-day = Sin horarios libres
slots-none-week = No hay horarios libres esta semana. Prueba la siguiente.
slots-no-hours = Este experto aún no ha publicado su horario.
slots-slot-label = { $date }, { $time } ({ $zone }), { $minutes } minutos
slots-clock-change = La hora cambia en { $zone } el { $date }: { $before } pasa a { $after }. Los horarios cercanos se muestran como los marcará el reloj.
slots-expert-zone = El experto trabaja en { $zone }.
slots-book-soon = Este horario está libre ahora. Las reservas y los pagos abren pronto.

## The chosen slot
slot-review-title = Tu sesión
slot-review-your-time = Tu hora
slot-review-expert-time = La hora del experto
slot-review-length = Duración
slot-review-price = Precio
slot-review-gone = Este horario ya no está libre. Elige otro.
slot-review-back = Volver a los horarios

## The overrides calendar
availability-calendar-hint = Elige una fecha para darle otro horario o cerrarla; se añade a las filas de abajo.
availability-day-open = Horario habitual
availability-day-special = Otro horario
availability-day-closed = Cerrado
availability-day-time-off = Ausencia
availability-day-none = Sin horario
availability-day-link = { $date }: { $state }. Define otro horario para esta fecha.
weekday-short-mon = Lun
weekday-short-tue = Mar
weekday-short-wed = Mié
weekday-short-thu = Jue
weekday-short-fri = Vie
weekday-short-sat = Sáb
weekday-short-sun = Dom
