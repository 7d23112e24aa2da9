# Rechazos que protegen cuentas y dinero: hosts desconocidos, reservas, propuestas, archivos.
error-host-unknown-title = Dirección del sitio desconocida
error-host-unknown-detail = Esta solicitud nombraba un host que Mentora no sirve. Abre Mentora en su propia dirección e inténtalo de nuevo.
error-token-revoked-title = Este inicio de sesión ha terminado
error-token-revoked-detail = El token de acceso pertenece a un inicio de sesión que se cerró (sesión cerrada, contraseña cambiada o permisos cambiados). Vuelve a iniciar sesión.
field-password-weak = Esta contraseña es demasiado fácil de adivinar. Usa tres o cuatro palabras poco comunes juntas; no hacen falta símbolos ni números.
field-password-weak-keyboard = Las filas y patrones de teclas son fáciles de adivinar. Usa en su lugar tres o cuatro palabras poco comunes.
field-password-weak-repeats = Los caracteres o palabras repetidos son fáciles de adivinar. Usa tres o cuatro palabras distintas y poco comunes.
field-password-weak-sequence = Las secuencias como abc o 6543 son fáciles de adivinar. Usa en su lugar tres o cuatro palabras poco comunes.
field-password-weak-common = Es una de las contraseñas más usadas, o se le parece. Usa tres o cuatro palabras poco comunes juntas.
field-password-weak-dates = Las fechas y los años son fáciles de adivinar. Evítalos y añade una o dos palabras poco comunes.
field-password-weak-personal = Tu nombre, tu correo o una sola palabra son fáciles de adivinar. Añade dos o tres palabras poco comunes.
field-password-weak-names = Los nombres y apellidos son fáciles de adivinar. Añade dos o tres palabras poco comunes.
error-hold-limit-title = Demasiadas reservas sin pagar
error-hold-limit-detail = Ya tienes { $count } horarios reservados sin pagar. Paga uno, o deja que caduque, antes de reservar otro.
error-reschedule-limit-title = Esta sesión no se puede mover de nuevo
error-reschedule-limit-detail = Ya se movió { $count } veces. Cancélala en su lugar, según la política del experto.
error-proposal-expired-title = El horario propuesto ha caducado
error-proposal-expired-detail = La propuesta del experto solo se podía aceptar hasta el inicio de la sesión.
error-no-show-too-early-title = Aún es pronto para informar de una ausencia
error-no-show-too-early-detail = Los expertos pueden retrasarse un poco: puedes informar de su ausencia desde { $minutes } minutos después del inicio.
error-dispute-window-closed-title = Ya no se puede reclamar
error-dispute-window-closed-detail = El resultado de una sesión puede reclamarse durante { $hours } horas después de registrarse; después queda firme. Escribe a soporte si algo salió mal.
error-settled-by-attendance-title = La asistencia cierra esta sesión
error-settled-by-attendance-detail = La sala registra quién asistió, así que la sesión se cierra sola cuando la sala cierra. Si no puede saberse, decide un operador.
error-own-application-title = No es tu propia solicitud
error-own-application-detail = Otro operador debe decidir sobre tu propia solicitud de experto.
booking-confirm-email-first = Confirma tu correo para reservar: abre el enlace que te enviamos y vuelve a esta página. Este horario sigue libre para otros hasta que lo reserves.
booking-confirm-email-resend = Enviar de nuevo el enlace de confirmación
email-booking-no-show-claim-subject = Se informó de una sesión perdida
email-booking-no-show-claim-body = Hola, { $name }:

    se informó de que el experto no acudió a la sesión del { $when } entre tú y { $other }. Aún no se reembolsa nada: el experto puede responder y un operador de Mentora lo resolverá con lo que digan ambas partes.

    Detalles: { $link }
booking-settlement-required = Indica cómo se resuelve la disputa: reembolsar al alumno o mantener la sesión.
error-control-character-title = Un carácter que ningún texto admite
error-control-character-detail = La solicitud contiene un carácter NUL (U+0000) o, en su dirección, otro carácter de control. Ningún campo de texto los admite; quítalo y vuelve a enviar.
error-login-locked-title = El acceso está en pausa para esta dirección
error-login-locked-detail = Se probaron varias contraseñas incorrectas para esta dirección. Vuelve a intentarlo en { $seconds } segundos, entra desde un dispositivo que ya hayas usado o usa el enlace de acceso de un solo uso que enviamos a la dirección.
login-locked = Se probaron varias contraseñas incorrectas para esta dirección, así que el acceso aquí está en pausa (vuelve a intentarlo en { $minutes } min). Si la dirección tiene una cuenta, le hemos enviado un enlace de acceso de un solo uso: ábrelo para entrar ahora. En un dispositivo desde el que ya hayas entrado, tu contraseña sigue funcionando.
email-sign-in-link-subject = Tu enlace de acceso de un solo uso a Mentora
email-sign-in-link-body =
    Hola, { $name }:

    El acceso con contraseña a tu cuenta de Mentora está en pausa durante un tiempo porque se probaron varias contraseñas incorrectas. Para entrar ahora, abre este enlace:
    { $link }

    Funciona una sola vez, durante { $minutes } minutos, y solo lo recibes tú. Si no intentaste entrar, no tienes que hacer nada: nadie adivinó tu contraseña. Plantéate cambiarla o activar la verificación en dos pasos.
sign-in-link-title = Entra con tu enlace
sign-in-link-lead = Pulsa el botón para entrar como { $address }. Después el enlace deja de funcionar. Si esta no es tu dirección, cierra esta página.
sign-in-link-submit = Entrar
sign-in-link-invalid-title = Este enlace de acceso no funciona
sign-in-link-invalid-body = Puede haber caducado, haberse usado ya o haberse copiado incompleto. Intenta entrar de nuevo para recibir otro.
