# Pagos a expertos, contracargos y ganancias.
email-booking-paid-out-subject = Has recibido el pago de una sesión
email-booking-paid-out-body = Hola, { $name }:

    hemos enviado { $refund } por tu sesión con { $other } del { $when } a tu cuenta de cobros. Tu proveedor de pagos lo ingresará en tu banco según su calendario habitual.

    Detalles: { $link }
email-booking-chargeback-subject = Se ha disputado el pago de una de tus sesiones
email-booking-chargeback-body = Hola, { $name }:

    el banco de { $other } ha disputado el pago de tu sesión del { $when }. Tu parte de esta sesión queda retenida hasta que termine la disputa; si ya se te había pagado, se retira por ahora y se vuelve a pagar si se gana la disputa.

    Detalles: { $link }
email-payout-failed-subject = Ha fallado un pago a tu banco
email-payout-failed-body = Hola, { $name }:

    tu proveedor de pagos no ha podido ingresar { $amount } en tu banco: { $reason }

    Revisa tus datos bancarios en la configuración de cobros: { $link }
refund-amount-invalid = Introduce un importe mayor que cero y como máximo lo que queda por reembolsar, en pasos que el proveedor de pagos pueda reembolsar.
nav-earnings = Ganancias
earnings-title = Tus ganancias
earnings-lead = Tu parte de cada sesión pagada y en qué punto está. La parte de una sesión se paga en tu cuenta de cobros { $hours } horas después de marcarla como impartida, salvo que el alumno la dispute.
earnings-csv = Descargar en CSV
earnings-payout-settings = Configuración de cobros
earnings-empty = Aún no hay sesiones pagadas. Cuando los alumnos paguen sesiones contigo, tu parte aparecerá aquí.
earnings-stage-upcoming = Sesiones próximas
earnings-stage-window = En plazo de disputa
earnings-stage-held = Retenido por una disputa
earnings-stage-available = Disponible, en el próximo pago
earnings-stage-paid-out = Pagado
earnings-stage-nothing = Reembolsado, nada que pagar
earnings-sessions = Sesiones
earnings-times-in = Horas en { $zone }.
earnings-paid = Pagado por el alumno
earnings-share = Tu parte
earnings-stage = Estado
earnings-bank-payouts = Pagos a tu banco
earnings-payout-paid = Ingresado en tu banco
earnings-payout-pending = En camino
earnings-payout-failed = Fallido
earnings-payout-canceled = Cancelado
payments-ledger-title = Balance de comprobación
payments-search-title = Reservas pagadas
payments-search-label = Reserva, alumno o experto
payments-search-hint = Un id de reserva, o parte de un correo o de un nombre.
payments-search = Buscar
payments-search-none = Ninguna reserva pagada coincide.
payments-learner = Alumno
payments-expert = Experto
payments-status = Estado
payments-paid-refunded = Pagado / reembolsado
payments-refund-amount = Importe a reembolsar ({ $currency })
payments-refund-reason = Motivo (queda en el registro de auditoría)
payments-refund = Reembolsar
payments-refund-decided = Reembolso decidido: se envía a través del proveedor de pagos, recuperando antes la parte del experto si ya se le había pagado.
payments-check-title = Comprobación del libro
payments-check-ok = El libro cuadraba y coincidía con el proveedor de pagos el { $at }.
payments-check-failed = La comprobación del libro del { $at } encontró problemas:
payments-transfers-title = Transferencias a expertos pendientes
payments-transfers-none = Ninguna: se han hecho todas las transferencias decididas.
payments-disputes-title = Contracargos
payments-disputes-none = No hay contracargos.
payments-report-title = Informe de comisiones
payments-report-from = Desde
payments-report-to = Hasta (incluido)
payments-report-csv = Descargar en CSV
payments-report-none = No se movió dinero en este periodo.
payments-report-gross = Pagado por alumnos
payments-report-refunded = Reembolsado
payments-report-commission = Comisión retenida
payments-report-paid-out = Pagado a expertos
payments-period-invalid = Elige dos fechas, la primera no posterior a la segunda.
rates-title = Tipos de cambio
rates-lead = Los tipos de los que salen las estimaciones en la moneda de cada visitante. Un tipo se aplica desde su día (UTC) hasta otro posterior de la misma moneda. A los alumnos siempre se les cobra en la moneda del experto.
rates-saved = Tipo guardado. Las estimaciones lo usan desde su día.
rates-currency = Moneda
rates-per-usd = Unidades por dólar estadounidense
rates-from = Desde (día UTC)
rates-set = Fijar tipo
rates-upcoming = Anunciados
rates-in-force = Vigentes hoy
rate-currency-invalid = Introduce un código de moneda ISO 4217 de tres letras, como EUR.
rate-value-invalid = Introduce un número mayor que cero con nueve decimales como máximo, como 0.92.
rate-day-invalid = Introduce una fecha como 2026-12-31, o déjala vacía para hoy.
refund-changed-meanwhile = Los reembolsos de esta reserva cambiaron desde que se mostró la página (se hizo otro reembolso); no se ha reembolsado nada más. Revisa los importes y vuelve a intentarlo si hace falta.
refund-while-disputed = El banco del alumno está disputando este pago y retiene el dinero: no hay reembolso hasta que termine la disputa.
rate-usd-fixed = Los tipos son por dólar estadounidense, así que el del dólar siempre es 1.
