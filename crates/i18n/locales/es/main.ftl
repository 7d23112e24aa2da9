## Shell
site-name = Mentora
site-description = Aprende con expertos verificados en sesiones en vivo 1:1, reservadas en tu propia zona horaria.
skip-to-content = Saltar al contenido
nav-label = Principal
nav-menu = Menú
nav-how-it-works = Cómo funciona
nav-for-learners = Para estudiantes
nav-for-experts = Para expertos
nav-trust = Por qué Mentora
nav-open-source = Código abierto
# This language's name in itself, shown in every language's switcher.
language-native-name = Español
language-label = Idioma
footer-nav-label = Explorar
footer-tagline = Sesiones en vivo 1:1 con expertos verificados.
footer-open-source = Mentora es software de código abierto que puedes instalar tú mismo.

## Home
home-title = Mentora — aprende con expertos verificados, en vivo y 1:1
home-eyebrow = Aprendizaje en vivo 1:1
home-headline = Aprende más rápido con un experto que ya lo ha hecho.
home-lead = Define un objetivo de aprendizaje, encuentra un experto verificado y reserva una sesión de vídeo en vivo cuando te venga bien, mostrada en tu propia zona horaria.
home-cta-learn = Empieza a aprender
home-cta-teach = Enseña en Mentora
how-title = Cómo funciona
how-lead = Dos lados, una promesa sencilla: el experto adecuado, en el momento adecuado y a un precio justo.
learners-title = Para estudiantes
learners-step1-title = Encuentra a tu experto
learners-step1-body = Busca por especialidad, idioma, precio y valoración. Nuestro equipo revisa a cada experto antes de que aparezca.
learners-step2-title = Reserva un hueco realmente libre
learners-step2-body = Consulta la disponibilidad real en tu zona horaria. Tu hueco queda reservado mientras pagas, así nadie más puede ocuparlo.
learners-step3-title = Reúnete y conserva lo aprendido
learners-step3-body = Entra a la sala de vídeo desde el navegador, comparte notas y recursos y valora la sesión al terminar.
experts-title = Para expertos
experts-step1-title = Postúlate y verifícate
experts-step1-body = Cuéntanos tu experiencia y sube tus credenciales. Revisamos cada solicitud y explicamos cada decisión.
experts-step2-title = Fija tu horario y tus tarifas
experts-step2-body = Elige tu disponibilidad semanal, la duración de las sesiones y los precios en tu moneda. Conecta tu calendario para evitar choques.
experts-step3-title = Cobra cada sesión
experts-step3-body = Los estudiantes pagan por adelantado. Tras cada sesión, tus ganancias van directamente a tu cuenta bancaria, menos una comisión clara.
trust-title = Por qué Mentora
trust-verified-title = Expertos verificados
trust-verified-body = Personas revisan la identidad y las credenciales, y cada decisión queda registrada.
trust-zones-title = La hora correcta, en todas partes
trust-zones-body = La disponibilidad se calcula en la zona del experto y se muestra en la tuya, correcta incluso con los cambios de horario de verano.
trust-payments-title = Pagos seguros
trust-payments-body = Los datos de tu tarjeta van directamente a nuestro procesador de pagos. Los reembolsos siguen la política que viste al reservar.
trust-data-title = Tus datos son tuyos
trust-data-body = Exporta todo lo que guardamos sobre ti o elimina tu cuenta cuando quieras.
oss-title = Código abierto, instálalo tú mismo
oss-body = Mentora es un solo programa. Arráncalo en un portátil sin configurar nada, o ejecuta varias copias sobre PostgreSQL y Redis para toda una organización.

## Home: example session card
example-caption = Sesión de ejemplo
example-expert-initials = AO
example-expert-name = Amara Okafor
example-expert-specialty = Ingeniería de datos · inglés, francés
example-verified = Verificada
example-your-time = Tu hora (Madrid)
example-your-time-value = mar 14:00–15:00
example-their-time = Hora de Amara (Lagos)
example-their-time-value = mar 13:00–14:00
example-length = Sesión
example-length-value = videollamada de 60 min
example-note = La sala se abre 10 minutos antes del inicio. Cancelación gratuita hasta 24 horas antes.

## Accounts
nav-log-in = Iniciar sesión
nav-sign-up = Registrarse
nav-log-out = Cerrar sesión
nav-outbox = Bandeja de salida
signed-in-as = Sesión iniciada como { $name }
form-error-summary = Corrige lo siguiente:
field-display-name = Tu nombre
field-email = Correo electrónico
field-password = Contraseña
field-password-hint = De 8 a 128 caracteres. Una frase larga es fácil de recordar y difícil de adivinar.
field-email-required = Escribe tu correo electrónico.
field-email-invalid = Escribe un correo como nombre@ejemplo.com.
field-password-too-short = Usa al menos 8 caracteres.
field-password-too-common = Esta contraseña es de las más comunes, así que es fácil de adivinar. Elige otra.
field-password-too-long = Usa como máximo 128 caracteres.
field-name-required = Escribe tu nombre.
field-name-too-long = Usa como máximo 100 caracteres.
field-name-invalid = Quita los caracteres de control invisibles de tu nombre.
signup-title = Crea tu cuenta
signup-lead = Aprende con expertos verificados. Solo lleva un minuto.
signup-submit = Crear cuenta
signup-have-account = ¿Ya tienes una cuenta?
check-inbox-title = Revisa tu bandeja de entrada
check-inbox-body = Si { $email } puede recibir correo, te hemos enviado un mensaje con un enlace para confirmar la dirección. El enlace funciona durante 24 horas.
verify-title = Confirma tu correo electrónico
verify-lead = Pulsa el botón para confirmar que esta dirección es tuya.
verify-submit = Confirmar mi correo
verify-done-title = Tu correo está confirmado
verify-done-body = Gracias. Ya puedes iniciar sesión y reservar sesiones.
verify-invalid-title = Este enlace no funciona
verify-invalid-body = Puede que haya caducado, que ya se haya usado o que se haya copiado incompleto. Inicia sesión para pedir otro.
login-title = Iniciar sesión
login-submit = Iniciar sesión
login-failed = El correo o la contraseña no son correctos.
login-no-account = ¿Eres nuevo en Mentora?
outbox-title = Bandeja de salida
outbox-lead = Correos que Mentora habría enviado. No hay un servidor SMTP configurado, así que los mensajes se guardan aquí.
outbox-empty = Todavía no hay correos.
outbox-to = Para
email-verify-subject = Confirma tu correo electrónico para Mentora
email-verify-body =
    Hola, { $name }:

    Confirma tu correo electrónico abriendo este enlace:
    { $link }

    El enlace funciona durante 24 horas. Si no te registraste en Mentora, ignora este mensaje.
email-signup-exists-subject = Alguien intentó registrarse con tu correo electrónico
email-signup-exists-body =
    Alguien intentó crear una cuenta de Mentora con este correo, que ya tiene una cuenta.

    Si fuiste tú, inicia sesión: { $login_url }
    Si no fuiste tú, no tienes que hacer nada; tu cuenta no ha cambiado.
error-forbidden-title = No permitido
error-forbidden-detail = Tu cuenta no tiene permiso para hacer esto.
error-csrf-failed-title = Formulario caducado
error-csrf-failed-detail = No se pudo aceptar este formulario porque falta su token de seguridad o está desactualizado. Vuelve atrás, recarga la página e inténtalo de nuevo.

login-forgot = ¿Olvidaste tu contraseña?
forgot-title = Restablece tu contraseña
forgot-lead = Escribe el correo de tu cuenta y te enviaremos un enlace para elegir una contraseña nueva.
forgot-submit = Envíame un enlace
forgot-sent = Si { $email } tiene una cuenta de Mentora, te hemos enviado un enlace para elegir una contraseña nueva. Funciona durante 30 minutos.
field-new-password = Contraseña nueva
reset-title = Elige una contraseña nueva
reset-submit = Guardar contraseña nueva
reset-done-title = Tu contraseña ha cambiado
reset-done-body = Hemos cerrado tu sesión en todas partes. Inicia sesión con tu contraseña nueva.
reset-invalid-body = Puede que este enlace haya caducado (funcionan 30 minutos), que ya se haya usado o que se haya copiado incompleto. Pide uno nuevo.
email-reset-subject = Restablece tu contraseña de Mentora
email-reset-body =
    Hola, { $name }:

    Alguien ha pedido restablecer la contraseña de tu cuenta de Mentora. Para elegir una contraseña nueva, abre este enlace:
    { $link }

    El enlace funciona durante 30 minutos. Si no lo pediste, ignora este mensaje; tu contraseña no cambia.

security-title = Seguridad
sessions-title = Dónde tienes la sesión iniciada
session-this-device = Este dispositivo
session-end = Cerrar sesión en este dispositivo
session-last-seen = última actividad
session-unknown-device = Dispositivo desconocido
log-out-everywhere = Cerrar sesión en todas partes
events-title = Eventos de seguridad recientes
events-what = Evento
events-when = Cuándo (UTC)
events-where = Dirección IP
audit-account-created = Cuenta creada
audit-signup-existing-email = Alguien intentó registrarse con tu correo
audit-email-verified = Correo confirmado
audit-login-succeeded = Inicio de sesión
audit-login-failed = Inicio de sesión fallido
audit-logout = Cierre de sesión
audit-logout-everywhere = Cierre de sesión en todas partes
audit-session-ended = Se cerró la sesión de otro dispositivo
audit-password-reset-requested = Se pidió restablecer la contraseña
audit-password-reset = Contraseña cambiada con un enlace
audit-password-rehashed = Almacenamiento de la contraseña actualizado

## Errors
error-status = Error { $status }
error-request-id = Id. de solicitud: { $id }. Indícalo si contactas con soporte.
error-go-home = Ir a la página de inicio
error-not-found-title = Página no encontrada
error-not-found-detail = No hay nada en esta dirección. Puede que se haya movido o que el enlace esté mal escrito.
error-method-not-allowed-title = Método no permitido
error-method-not-allowed-detail = Esta dirección no acepta ese tipo de solicitud.
error-bad-request-title = Solicitud incorrecta
error-bad-request-detail = No se pudo entender la solicitud: { $problem }
error-malformed-json-title = JSON mal formado
error-malformed-json-detail = El cuerpo de la solicitud no es JSON válido: { $problem } (línea { $line }, columna { $column }).
error-invalid-body-title = Cuerpo de solicitud no válido
error-invalid-body-detail = El cuerpo de la solicitud no coincide con lo que espera este punto de acceso: { $problem }
error-unsupported-media-type-title = Tipo de contenido no admitido
error-unsupported-media-type-detail = Envía el cuerpo de la solicitud como { $expected }.
error-payload-too-large-title = Solicitud demasiado grande
error-payload-too-large-detail = El cuerpo de la solicitud supera el tamaño que acepta este servidor.
error-request-timeout-title = Tiempo de espera agotado
error-request-timeout-detail = El servidor tardó demasiado en responder. Inténtalo de nuevo.
error-internal-title = Algo salió mal
error-internal-detail = Se produjo un error inesperado de nuestra parte. Ha quedado registrado y lo revisaremos.
error-storage-full-title = El almacenamiento está lleno
error-storage-full-detail = El servidor se quedó sin espacio en disco, así que no se cambió nada. Inténtalo de nuevo en un minuto.

## Cuentas: perfil, segundos factores, límites, operadores

nav-profile = Perfil
nav-admin-users = Cuentas
nav-admin-audit = Registro de auditoría
login-rate-limited = Demasiados intentos. Vuelve a intentarlo en { $minutes } min.
field-time-zone = Zona horaria
field-time-zone-hint = Una zona IANA como Europe/Madrid o America/Mexico_City. Rellenamos la de tu navegador.
field-currency = Moneda
field-currency-hint = Código ISO 4217 de tres letras, como EUR, USD o MXN. Los precios se muestran en ella.
field-current-password = Contraseña actual
field-current-password-wrong = Esa no es tu contraseña actual.
field-new-email = Nuevo correo electrónico
field-email-unavailable = No se puede usar esta dirección. Elige otra.
field-locale = Idioma
field-languages = Idiomas que hablas
field-languages-hint = Códigos ISO 639-1 de dos letras separados por comas, como es, en, ar.
field-learning-goals = Objetivos de aprendizaje
field-session-length = Duración preferida de la sesión
field-video-provider = Vídeo
field-reminder-channels = Recordatorios por
field-avatar = Archivo de foto
field-avatar-hint = PNG, JPEG, WebP o GIF, hasta 5 MB. Se recorta en un cuadrado.
field-avatar-required = Elige un archivo de imagen para subir.
field-avatar-too-large = El archivo ocupa más de 5 MB.
field-avatar-not-image = Este archivo no es una imagen PNG, JPEG, WebP ni GIF.
field-avatar-too-many-pixels = La imagen supera los 4096 × 4096 píxeles o los 16 megapíxeles.
field-totp-code = Código de tu aplicación
field-totp-code-wrong = Ese código no es correcto. Comprueba la hora del móvil e introduce el código actual.
field-second-factor-code = Código de verificación
field-second-factor-code-hint = El código de 6 cifras de tu aplicación de autenticación, o uno de tus códigos de recuperación.
profile-time-zone-invalid = Introduce una zona horaria de la base IANA, como Europe/Madrid.
profile-currency-invalid = Introduce un código de moneda ISO 4217 de tres letras, como EUR.
profile-languages-invalid = Usa códigos ISO 639-1 de dos letras separados por comas (20 como máximo).
profile-learning-goals-too-long = Los objetivos deben tener menos de 2000 caracteres.
profile-locale-invalid = Elige uno de los idiomas ofrecidos.
profile-session-length-invalid = Elige una de las duraciones ofrecidas.
profile-video-provider-invalid = Elige una de las opciones de vídeo ofrecidas.
profile-reminder-channels-invalid = Elige recordatorios en Mentora o por correo.
profile-title = Tu perfil
profile-details = Datos y preferencias
profile-avatar = Foto
profile-avatar-current = Tu foto actual
profile-avatar-upload = Subir foto
profile-session-preferences = Preferencias de sesión
profile-save = Guardar perfil
profile-email = Correo electrónico
profile-email-verified = verificado
profile-email-unverified = aún sin verificar
profile-email-change = Cambiar correo electrónico
profile-password = Contraseña
profile-password-change = Cambiar contraseña
profile-saved-profile = Tu perfil está guardado.
profile-saved-avatar = Tu foto está actualizada.
profile-saved-email = Revisa tu nueva bandeja: te enviamos un enlace para confirmar la dirección. Hemos avisado a la dirección anterior.
profile-saved-password = Tu contraseña ha cambiado. Se ha cerrado la sesión en tus otros dispositivos.
minutes-count = { $count } minutos
minutes-short = { $count } min
video-provider-builtin = Sala de vídeo de Mentora
video-provider-zoom = Zoom
video-provider-meet = Google Meet
video-provider-jitsi = Jitsi Meet
reminder-email = Correo electrónico
reminder-in-app = En Mentora (centro de notificaciones)
second-factor-title = Verificación en dos pasos
second-factor-lead = Introduce el código de tu aplicación de autenticación para terminar de iniciar sesión.
second-factor-wrong = Ese código no es correcto o ya se usó. Prueba el código actual o un código de recuperación.
second-factor-submit = Verificar
factors-title = Verificación en dos pasos
factor-totp = Aplicación de autenticación
factor-totp-off = Sin configurar. Añade una aplicación como Aegis, Google Authenticator o 1Password para pedir un código en cada inicio de sesión.
factor-totp-add = Configurar una aplicación de autenticación
factor-added = Añadida el
factor-last-used = último uso
factor-remove = Quitar
factor-recovery-codes = Códigos de recuperación
factor-recovery-codes-left = Quedan { $count } códigos de recuperación sin usar.
factor-recovery-codes-new = Generar nuevos códigos de recuperación
totp-enrol-title = Configura tu aplicación de autenticación
totp-enrol-step-scan = Escanea este código QR con tu aplicación de autenticación.
totp-enrol-step-code = Introduce el código de 6 cifras que muestra.
totp-enrol-manual = ¿No puedes escanear? Introduce esta clave en la aplicación:
totp-enrol-submit = Activar la verificación en dos pasos
totp-qr-label = Código QR para tu aplicación de autenticación
recovery-codes-title = Tus códigos de recuperación
recovery-codes-lead = Guárdalos en un lugar seguro. Cada uno sirve una vez, en lugar de un código de tu aplicación, si pierdes el móvil. No se volverán a mostrar.
recovery-codes-done = Ya los he guardado
email-lockout-subject = Tu cuenta de Mentora se bloqueó tras varios intentos fallidos
email-lockout-body = Hola, { $name }:

    Alguien intentó iniciar sesión en tu cuenta de Mentora con una contraseña incorrecta varias veces, así que el inicio de sesión queda en pausa un tiempo (unos { $minutes } min).

    Si fuiste tú, espera y vuelve a intentarlo, o restablece tu contraseña. Si no fuiste tú, tu cuenta está a salvo: considera activar la verificación en dos pasos.
email-address-changed-subject = Se cambió el correo de tu cuenta de Mentora
email-address-changed-body = Hola, { $name }:

    El correo electrónico de tu cuenta de Mentora se cambió a { $new_email }.

    Si no fuiste tú, restablece tu contraseña ahora y contacta con soporte.
admin-users-title = Cuentas
admin-users-search = Correo o nombre
admin-users-search-submit = Buscar
admin-users-account = Cuenta
admin-users-roles = Roles
admin-users-change = Cambiar roles
admin-grant-expert = Hacer experto
admin-grant-admin = Hacer administrador
admin-revoke-expert = Quitar experto
admin-revoke-admin = Quitar administrador
role-learner = Estudiante
role-expert = Experto
role-admin = Administrador
admin-audit-title = Registro de auditoría
admin-audit-kind = Evento
admin-audit-from = Desde
admin-audit-to = Hasta
admin-audit-filter = Filtrar
admin-audit-account = Cuenta
admin-audit-actor = Por
admin-audit-empty = Ningún evento coincide con estos filtros.
audit-login-password-ok = Contraseña aceptada, a la espera del segundo paso
audit-login-succeeded-api = Inicio de sesión desde una aplicación
audit-login-locked-out = Inicio de sesión en pausa tras intentos fallidos
audit-second-factor-totp-ok = Código de autenticación aceptado
audit-second-factor-recovery-code-used = Código de recuperación usado
audit-second-factor-failed = Código de autenticación incorrecto
audit-factor-totp-added = Aplicación de autenticación añadida
audit-factor-totp-removed = Aplicación de autenticación quitada
audit-factor-recovery-codes-issued = Nuevos códigos de recuperación generados
audit-token-reuse-detected = Se presentó de nuevo un token ya usado; se cerró esa sesión
audit-logout-api = Cierre de sesión desde una aplicación
audit-profile-updated = Perfil actualizado
audit-profile-avatar-changed = Foto cambiada
audit-password-changed = Contraseña cambiada
audit-email-changed = Correo electrónico cambiado
audit-role-granted = Rol concedido
audit-role-revoked = Rol retirado
error-unauthorized-title = Sesión no iniciada
error-unauthorized-detail = Esto requiere una cuenta con sesión iniciada. Envía un token de acceso en la cabecera Authorization (Bearer).
error-token-malformed-title = Token mal formado
error-token-malformed-detail = La cabecera Authorization no contiene un token de acceso Bearer bien formado.
error-token-expired-title = Token caducado
error-token-expired-detail = El token de acceso ha caducado. Obtén uno nuevo con tu token de renovación.
error-token-invalid-title = Token no válido
error-token-invalid-detail = La firma o los datos del token de acceso no son válidos.
error-refresh-token-invalid-title = Token de renovación no válido
error-refresh-token-invalid-detail = El token de renovación es desconocido, ha caducado o fue revocado. Vuelve a iniciar sesión.
error-refresh-token-reused-title = Token de renovación reutilizado
error-refresh-token-reused-detail = Este token de renovación ya se usó, así que por seguridad se han revocado todos los tokens de este inicio de sesión. Vuelve a iniciar sesión.
error-invalid-credentials-title = Correo o contraseña incorrectos
error-invalid-credentials-detail = El correo electrónico o la contraseña no son correctos.
error-second-factor-required-title = Se requiere un segundo factor
error-second-factor-required-detail = Esta cuenta usa verificación en dos pasos: envía el código de la aplicación (o un código de recuperación) como "totp".
error-second-factor-invalid-title = Código incorrecto
error-second-factor-invalid-detail = El código de autenticación es incorrecto o ya se usó.
error-rate-limited-title = Demasiadas solicitudes
error-rate-limited-detail = Demasiados intentos. Vuelve a intentarlo dentro de { $seconds } segundos.
error-validation-failed-title = Algunos campos no son válidos
error-validation-failed-detail = Corrige los campos indicados en "errors" y vuelve a intentarlo.

## Llaves de acceso
factor-passkeys = Llaves de acceso
factor-passkeys-lead = Inicia sesión con tu huella, tu cara o el bloqueo de pantalla en lugar de una contraseña, o usa una llave de acceso como segundo paso.
factor-passkey-add = Añadir una llave de acceso
field-passkey-name-label = Nombre de esta llave de acceso
passkey-default-name = Mi llave de acceso
field-passkey-name = Ponle a la llave un nombre de hasta 100 caracteres.
field-passkey-rejected = No se aceptó la llave de acceso. Inténtalo de nuevo o usa otra.
login-with-passkey = Usar una llave de acceso
second-factor-use-passkey = Usar una llave de acceso
audit-factor-passkey-added = Llave de acceso añadida
audit-factor-passkey-removed = Llave de acceso quitada
audit-login-passkey = Inicio de sesión con llave de acceso
audit-second-factor-passkey-ok = Llave de acceso aceptada como segundo paso
error-passkeys-unavailable-title = Las llaves de acceso no están disponibles aquí
error-passkeys-unavailable-detail = Las llaves de acceso solo funcionan cuando se accede a Mentora por su nombre, no en { $origin }. Ábrelo por su nombre (por ejemplo http://localhost) y vuelve a intentarlo.

profile-email-resend = Enviar de nuevo el enlace de confirmación
profile-saved-verification = Te enviamos un nuevo enlace de confirmación. Revisa tu bandeja.
session-signed-in = sesión iniciada
audit-email-verification-resent = Enlace de confirmación reenviado

nav-admin-jobs = Tareas
jobs-title = Tareas en segundo plano
jobs-lead = El trabajo que Mentora hace en segundo plano: correos, liberar reservas caducadas, mantenimiento. Una tarea fallida se reintenta con esperas crecientes; tras su último intento queda muerta hasta que la reintentes.
jobs-depth = Cola por tipo
jobs-depth-empty = Nada en espera, en curso ni muerto.
jobs-oldest = desde
jobs-filter = Mostrar tareas
jobs-unfinished = Sin terminar
jobs-status-queued = En espera
jobs-status-running = En curso
jobs-status-failed = Fallida, se reintentará
jobs-status-succeeded = Hecha
jobs-status-dead = Muerta
jobs-empty = No hay tareas aquí.
jobs-attempts = Intentos
jobs-run-at = Se ejecuta
jobs-updated-at = Último cambio
jobs-id = Tarea
jobs-last-error = Último error:
jobs-retry = Reintentar
jobs-discard = Descartar
error-job-state-title = No es posible ahora para esta tarea
error-job-state-detail = La tarea está en estado { $status }: solo se reintentan las fallidas o muertas, y solo se descartan las que esperan o fallaron.

test-clock-banner = Modo de prueba: la hora simulada es { $now }.
test-clock-banner-link = Reloj de prueba
test-clock-title = Reloj de prueba
test-clock-lead = En el entorno de prueba, adelanta la hora para ver cómo caduca una reserva, llega un recordatorio o termina una sesión sin esperar. Las tareas que venzan se ejecutan al momento. La hora nunca retrocede.
test-clock-simulated = Hora simulada
test-clock-real = Hora real
test-clock-ahead = Adelantado
test-clock-ahead-value = { $days } d { $hours } h { $minutes } min
test-clock-advance = Adelantar
test-clock-preset-11m = 11 minutos
test-clock-preset-1h = 1 hora
test-clock-preset-1d = 1 día
test-clock-preset-1w = 1 semana
test-clock-advance-by = Adelantar en
test-clock-advance-hint = Por ejemplo 90m, 2h 30m o 48h.
test-clock-set-to = O llevar a
test-clock-set-hint = Una hora posterior a la simulada, por ejemplo 2026-12-24T09:00:00Z.
test-clock-move = Mover el reloj
test-clock-advance-invalid = Escribe una duración como 90m, 2h 30m o 48h.
test-clock-set-invalid = Escribe una hora como 2026-12-24T09:00:00Z.
test-clock-one-move = Indica una duración para adelantar o una hora a la que ir, no ambas.
test-clock-forward-only = El reloj solo avanza: elige una hora posterior.
test-clock-too-far = Cada movimiento avanza como mucho un año.
test-clock-past-limit = La hora simulada va como mucho diez años por delante en total; ya está cerca de ese límite.

## The API documentation page
api-docs-title = API de Mentora
api-docs-lead = Todos los endpoints bajo /api/v1, descritos a partir del código. Inicia sesión con POST /api/v1/auth/login, pulsa «Authorize» y pega el token de acceso para probar peticiones en tu nombre.
api-docs-noscript = La referencia interactiva necesita JavaScript; el documento en sí, enlazado arriba, es JSON.
api-docs-reference = Referencia
test-mode-banner = Modo de prueba: los pagos son simulados y no se mueve dinero real.
commission-bps-invalid = Indica una tasa en puntos básicos de 0 a 10000 (1500 es el 15 %), o nada para la tasa de la plataforma.
payments-title = Pagos
payments-lead = Busca una reserva pagada y reembólsala con un motivo, sigue las transferencias a expertos y los contracargos, y consulta el informe de comisiones y el balance de comprobación.
payments-at = A fecha de
payments-at-hint = Un instante como 2026-12-31T23:59:59Z; ahora por defecto.
payments-show = Mostrar
payments-empty = Todavía no se ha movido dinero.
payments-balanced = Cuadrado: las cuentas suman cero.
payments-unbalanced = Descuadrado: las cuentas no suman cero. Revisa el libro antes de cualquier pago.
payments-account = Cuenta
payments-balance = Saldo
nav-admin-payments = Pagos
payments-at-invalid = No es una hora legible: escríbela como 2026-12-31T23:59:59Z.
admin-role-ask-grant-title = ¿Dar a { $name } el rol «{ $role }»?
admin-role-ask-revoke-title = ¿Quitar a { $name } el rol «{ $role }»?
admin-role-ask-grant = { $name } ({ $email }) recibe el rol «{ $role }» de inmediato, en todos sus dispositivos.
admin-role-ask-revoke = { $name } ({ $email }) pierde el rol «{ $role }» de inmediato, en todos sus dispositivos.
admin-role-allows-admin = Los administradores verifican expertos, cambian los roles de cualquiera, reembolsan pagos y leen el registro de auditoría.
admin-role-allows-expert = Los expertos tienen un perfil público, fijan sus horarios y precios, y cobran por sus sesiones.
admin-role-keep = Dejar los roles como están
opens-in-new-tab = (se abre en una pestaña nueva)
verify-continue = Continuar
verify-continue-where = Volver a donde estabas
verify-log-in-where = Inicia sesión y vuelve a donde estabas
