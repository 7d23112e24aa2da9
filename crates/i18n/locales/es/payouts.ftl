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
