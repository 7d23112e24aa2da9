# Reservas: retener un horario, pago en modo de prueba, la página de la reserva, paneles, calendarios.

nav-my-sessions = Mis sesiones
nav-my-schedule = Mi agenda

availability-policy = Política de cancelación
availability-policy-hint = Se fija en cada reserva al hacerla. Si cancelas tú, el alumno recibe siempre el reembolso completo.
availability-policy-invalid = Elige una de las políticas de la lista.
policy-flexible = Flexible: reembolso completo hasta 2 horas antes, nada después
policy-moderate = Moderada: reembolso completo hasta 24 horas antes, la mitad hasta 2 horas antes, nada después
policy-strict = Estricta: reembolso completo hasta 7 días antes, la mitad hasta 48 horas antes, nada después

error-slot-unavailable-title = Ese horario ya no está libre
error-slot-unavailable-detail = Otra persona lo retiene o lo reservó, o ya no encaja en el horario del experto. Elige otro.
error-learner-busy-title = Ya tienes una sesión a esa hora
error-learner-busy-detail = Tienes retenida o reservada otra sesión que se solapa con esta.
error-expert-not-bookable-title = No se puede reservar a este experto ahora
error-expert-not-bookable-detail = El experto no acepta reservas en este momento.
error-own-session-title = No puedes reservarte a ti mismo
error-own-session-detail = Los expertos no pueden reservar sesiones consigo mismos.
error-idempotency-key-reused-title = Idempotency-Key ya usada
error-idempotency-key-reused-detail = Esta Idempotency-Key se usó para otra petición. Usa una clave nueva para cada petición nueva.
error-invalid-transition-title = No es posible en este estado
error-invalid-transition-detail = Una reserva { $from } no puede pasar a { $to }.
error-payment-declined-title = Pago rechazado
error-payment-declined-detail = El pago fue rechazado. El horario sigue retenido hasta que venza la retención; inténtalo de nuevo.
error-no-proposal-title = No hay horario propuesto
error-no-proposal-detail = El experto no ha propuesto otro horario para esta reserva.

booking-start-invalid = Indica el inicio como hora RFC 3339, por ejemplo 2026-12-07T10:00:00Z.
booking-duration-invalid = Indica una duración en minutos entre 5 y 480.
booking-duration-not-offered = El experto no ofrece sesiones de esta duración.
booking-note-too-long = La nota debe tener menos de 2000 caracteres.
booking-expert-unknown = No existe ese experto.
booking-reason-too-long = El motivo debe tener menos de 500 caracteres.
booking-reason-required = Indica el motivo, para que la otra parte lo sepa.
booking-status-unknown = Usa completed, no_show_learner, no_show_expert, disputed o resolved.

booking-note-label = Nota para el experto (opcional)
booking-note-hint = En qué te gustaría trabajar. Solo la ve el experto.
booking-hold-explained = Retenemos este horario para ti mientras pagas. Política de cancelación: { $policy }.
booking-hold = Retener este horario y pagar
booking-log-in-to-book = Inicia sesión para reservar este horario

checkout-title = Paga tu sesión
checkout-test-mode-note = No se cobra dinero real: esta es la página de pago de prueba.
checkout-declined = El pago fue rechazado. Tu horario sigue retenido; inténtalo de nuevo.
checkout-held-until = Retenido para ti hasta
checkout-hold-note = Si no pagas antes, el horario queda libre para otros.
checkout-pay = Pagar { $price } (prueba)
checkout-decline = Simular un pago rechazado

booking-title = Tu sesión
booking-expert = Experto
booking-learner = Alumno
booking-when = Cuándo
booking-refunded = Reembolsado
booking-policy = Política de cancelación
booking-note = Nota
booking-go-to-checkout = Ir al pago
booking-proposal-title = Nuevo horario propuesto
booking-proposal-body = El experto propone mover esta sesión a { $when }.
booking-proposal-accept = Aceptar el nuevo horario
booking-proposal-decline = Mantener el horario actual
booking-cancel-title = Cancelar esta sesión
booking-cancel-refund = Si cancelas ahora, se reembolsan { $refund }.
booking-cancel-reason = Motivo
booking-cancel-confirm = Cancelar la sesión
booking-timeline = Historial
booking-times-in = Las horas se muestran en { $zone }.
booking-back = Volver a tus sesiones
booking-status-held = Retenida, esperando el pago
booking-status-confirmed = Confirmada
booking-status-expired = Retención vencida
booking-status-cancelled = Cancelada
booking-status-rescheduled = Movida a otro horario
booking-status-completed = Completada
booking-status-no-show-learner = El alumno no asistió
booking-status-no-show-expert = El experto no asistió
booking-status-disputed = En disputa
booking-status-resolved = Disputa resuelta
booking-actor-learner = por el alumno
booking-actor-expert = por el experto
booking-actor-admin = por un administrador
booking-actor-system = por Mentora

my-sessions-title = Mis sesiones
my-schedule-title = Mi agenda
sessions-tabs = Qué sesiones
sessions-tab-upcoming = Próximas
sessions-tab-past = Pasadas
sessions-tab-cancelled = Canceladas
sessions-empty = Aún no hay nada aquí.
sessions-with = Con
sessions-status = Estado

feed-title = Calendario suscrito
feed-body = Suscríbete a tus sesiones desde Google Calendar, Outlook o Apple Calendar con una dirección privada.
feed-url = Tu dirección privada
feed-url-once = Cópiala ahora: solo se muestra una vez. Quien la tenga ve tus sesiones; crea otra para anular la anterior.
feed-create = Crear una dirección de calendario
feed-renew = Sustituir la dirección
feed-revoke = Detener el calendario

email-booking-confirmed-subject = Tu sesión de Mentora está confirmada
email-booking-confirmed-body = Hola, { $name }:

    tu sesión con { $other } está confirmada para el { $when }. La invitación adjunta la añade a tu calendario.

    Detalles y cambios: { $link }

    Entra en la sesión (la sala abre 10 minutos antes): { $room }
    ¿Problemas con la cámara o el micrófono? { $help }
email-booking-rescheduled-subject = Tu sesión de Mentora ha cambiado de hora
email-booking-rescheduled-body = Hola, { $name }:

    tu sesión con { $other } será ahora el { $when }. La invitación adjunta actualiza tu calendario.

    Detalles: { $link }

    Entra en la sesión (la sala abre 10 minutos antes): { $room }
    ¿Problemas con la cámara o el micrófono? { $help }
email-booking-cancelled-subject = Tu sesión de Mentora está cancelada
email-booking-cancelled-body = Hola, { $name }:

    tu sesión con { $other } del { $when } está cancelada. Reembolso al alumno: { $refund }. La invitación adjunta la quita de tu calendario.

    Detalles: { $link }
email-booking-proposed-subject = Se propone un nuevo horario para tu sesión
email-booking-proposed-body = Hola, { $name }:

    { $other } propone mover tu sesión del { $when } al { $proposed }. Acepta o mantén el horario actual: { $link }
email-booking-late-refund-subject = Tu pago ha sido reembolsado
email-booking-late-refund-body = Hola, { $name }:

    tu pago de la sesión con { $other } del { $when } llegó después de vencer la retención, y el horario ya estaba ocupado. Te hemos reembolsado { $refund } completos.

    Detalles: { $link }

booking-move-title = Mover esta sesión
booking-move-learner = Elige otro horario libre; el pago pasa a la nueva hora.
booking-move-expert = Propón otro horario libre; el alumno lo acepta o mantiene el actual.
booking-move-new-time = Nuevo horario ({ $zone })
booking-move-choose = Elige uno de los horarios de la lista.
booking-move-confirm = Mover la sesión
booking-move-propose = Proponer este horario
admin-expert-cancellations = Sesiones canceladas por el experto
email-booking-late-refund-expert-subject = Se reembolsó un pago tardío
email-booking-late-refund-expert-body = Hola, { $name }:

    { $other } pagó una sesión del { $when } después de vencer su retención, y para entonces otra persona había reservado ese horario. Mentora le reembolsó { $refund } completos; tu agenda no cambia.

    Detalles: { $link }

field-cursor-invalid = Usa el valor next_cursor de la página anterior, sin cambios.
field-limit-invalid = Pide de 1 a 200 reservas por página.
error-currency-not-chargeable-title = No se aceptan pagos en esta moneda
error-currency-not-chargeable-detail = El proveedor de pagos no puede cobrar en la moneda de este experto, así que la sesión no se puede reservar.
error-price-not-chargeable-title = Este precio no se puede cobrar
error-price-not-chargeable-detail = El proveedor de pagos no puede cobrar este precio: debe ser de al menos { $minimum }, en importes que admita. Elige otra duración u otro experto.
checkout-time-left = Tiempo restante
checkout-hold-lapsed = La retención ha vencido
checkout-pay-card = Pagar { $price }
checkout-card-note = Los datos de la tarjeta van directamente a Stripe, nuestro proveedor de pagos; Mentora nunca los ve.
checkout-complete-title = Confirmando tu pago
checkout-complete-waiting = Estamos confirmando tu pago. Esta página continuará sola en un momento.
checkout-complete-booking-link = Ir a la reserva
receipt-title = Recibo
receipt-number = Recibo número { $number }
receipt-sandbox = Modo de prueba: no se cobró ningún pago real.
receipt-paid-at = Pagado el
receipt-paid = Pagado
receipt-refund = Reembolsado el { $date }
receipt-refund-pending = en camino
receipt-kept = Total pagado
receipt-reference = Referencia del pago
receipt-print-hint = Imprime esta página, o guárdala como PDF, desde el menú de impresión del navegador.
booking-receipt-link = Recibo
booking-cancel-ask-title = ¿Cancelar esta sesión?
booking-cancel-ask-what = Tu sesión con { $name } el { $when } se cancela para los dos.
booking-cancel-keep = Mantener la sesión
booking-cancel-yes = Sí, cancelar la sesión
booking-booked-title = Tu sesión con { $name } está reservada.
booking-booked-body = Te llega por correo una confirmación con la invitación de calendario. La sala se abre 10 minutos antes del inicio.
booking-add-to-calendar = Añadir a tu calendario
booking-calendar-file = Archivo de calendario (.ics)
booking-contact = ¿Preguntas antes de la sesión? Escribe a { $name }:
booking-reason-accepted-proposal = aceptó la hora propuesta por el experto
booking-sign-up-to-book = ¿Eres nuevo? Crea una cuenta
booking-cancel-ask-what-operator = La sesión entre { $expert } y { $learner } el { $when } se cancela para los dos.
