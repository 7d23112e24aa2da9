## The notification centre, its settings, unsubscribing, and live updates.

nav-notifications = Notificaciones
nav-notifications-label = Notificaciones, { $count } sin leer
notifications-new-live = Tienes una notificación nueva.
notifications-title = Notificaciones
notifications-settings-link = Ajustes de notificaciones
notifications-unread = Sin leer: { $count }
notifications-empty = Nada por ahora. Aquí aparecerán reservas, recordatorios y pagos.
notifications-read-all = Marcar todo como leído
notifications-new = Nueva
notifications-open = Abrir
notifications-pages = Más notificaciones
notifications-newer = Más recientes
notifications-older = Anteriores
notifications-settings-title = Ajustes de notificaciones
notifications-settings-lead = Elige cómo te avisa Mentora de cada tipo de novedad: aquí en Mentora, por correo o de ambas formas.
notifications-settings-saved = Tus ajustes de notificaciones se han guardado.
notifications-settings-save = Guardar ajustes
notifications-channel-in-app = En Mentora
notifications-channel-email = Por correo
notifications-essential-note = Algunos correos llegan siempre, elijas lo que elijas: alertas de seguridad, decisiones sobre tu perfil de experto y confirmaciones, cambios, cancelaciones, reembolsos, pagos y contracargos de sesiones.
notifications-topic-unknown = Tema desconocido: usa bookings, reminders, reviews, payouts, applications o security.
notifications-topic-bookings = Reservas
notifications-topic-bookings-hint = Reservas provisionales, confirmaciones, cambios, propuestas y cancelaciones.
notifications-topic-reminders = Recordatorios
notifications-topic-reminders-hint = Un día y una hora antes de cada sesión.
notifications-topic-reviews = Valoraciones
notifications-topic-reviews-hint = Después de una sesión, para preguntarte qué tal fue.
notifications-topic-payouts = Pagos
notifications-topic-payouts-hint = El dinero que recibes como experto y los contracargos.
notifications-topic-applications = Perfil de experto
notifications-topic-applications-hint = Decisiones sobre tu solicitud, suspensión y readmisión.
notifications-topic-security = Seguridad
notifications-topic-security-hint = Bloqueos y cambios de tu dirección de acceso.
unsubscribe-title = Darse de baja
unsubscribe-ask = ¿Dejar de recibir correos sobre { $topic }? Los seguirás viendo en Mentora.
unsubscribe-confirm = Dejar de recibir estos correos
unsubscribe-done = Hecho: no más correos sobre { $topic }.
unsubscribe-settings = Todos los ajustes de notificaciones
unsubscribe-invalid = Este enlace para darse de baja no es válido. Inicia sesión y abre tus ajustes de notificaciones.
email-unsubscribe-link = Dejar de recibir estos correos
slots-taken-live = Otra persona acaba de reservar una hora que estabas mirando; las horas que ves siguen libres.
booking-changed-live = Esta reserva acaba de cambiar.

notification-security-alert = Un evento de seguridad en tu cuenta: un bloqueo o un cambio de dirección. Revisa tus inicios de sesión.
notification-application-decided = Hay una decisión sobre tu perfil de experto.
notification-booking-held = { $other } está reservando tu tiempo el { $when } y pagando ahora.
notification-booking-confirmed = Tu sesión con { $other } el { $when } está confirmada.
notification-booking-rescheduled = Tu sesión con { $other } se ha movido al { $when }.
notification-booking-cancelled = Tu sesión con { $other } el { $when } se ha cancelado. Reembolso: { $refund }.
notification-booking-late-refund = Un pago para el { $when } llegó cuando la reserva ya había caducado y la hora estaba ocupada: se reembolsaron { $refund }.
notification-proposal-made = { $other } propone mover tu sesión al { $when }.
notification-proposal-accepted = { $other } aceptó la hora que propusiste: { $when }.
notification-proposal-declined = { $other } mantuvo la hora original: { $when }.
notification-no-show-claimed = { $other } dice que la sesión del { $when } no tuvo lugar; un operador decidirá.
notification-reminder-24h = Recordatorio: tu sesión con { $other } es mañana, { $when }.
notification-reminder-1h = Tu sesión con { $other } empieza dentro de una hora, a las { $when }.
notification-review-request = ¿Qué tal tu sesión con { $other }? Cuenta a otros qué aprendiste.
notification-review-received = { $other } reseñó tu sesión del { $when }. Puedes responder una vez, en la página de la sesión.
notification-paid-out = Se ha pagado tu parte de la sesión del { $when }: { $refund }.
notification-dispute-opened = El banco del alumno ha disputado el pago del { $when }; tu parte queda retenida hasta que termine.

email-booking-proposal-accepted-subject = Han aceptado la hora que propusiste
email-booking-proposal-accepted-body =
    Hola { $name }:

    { $other } aceptó la hora que propusiste. La sesión es ahora el { $when }.

    Detalles: { $link }
email-booking-proposal-declined-subject = Han rechazado la hora que propusiste
email-booking-proposal-declined-body =
    Hola { $name }:

    { $other } mantuvo la hora original. La sesión sigue el { $when }.

    Detalles: { $link }
email-booking-reminder-24h-subject = Mañana: tu sesión en Mentora
email-booking-reminder-24h-body =
    Hola { $name }:

    Un recordatorio: tu sesión con { $other } es mañana, { $when }.

    Detalles y cambios: { $link }

    Entra en la sesión: { $room }
    ¿Problemas con la cámara o el micrófono? { $help }
email-booking-reminder-1h-subject = Dentro de una hora: tu sesión en Mentora
email-booking-reminder-1h-body =
    Hola { $name }:

    Tu sesión con { $other } empieza dentro de una hora, a las { $when }.

    Detalles: { $link }

    Entra en la sesión: { $room }
    ¿Problemas con la cámara o el micrófono? { $help }
email-booking-review-request-subject = ¿Qué tal fue tu sesión?
email-booking-review-request-body =
    Hola { $name }:

    ¿Qué tal fue tu sesión con { $other } el { $when }? Unas palabras ayudan a otros alumnos a elegir.

    Tu sesión: { $link }
email-booking-review-received-subject = Tienes una reseña nueva
email-booking-review-received-body =
    Hola { $name }:

    { $other } reseñó tu sesión del { $when }. Léela y, si quieres, responde una vez: tu respuesta aparece bajo la reseña en tu perfil.

    La sesión: { $link }
