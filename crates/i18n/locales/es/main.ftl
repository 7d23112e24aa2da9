## Shell
site-name = Mentora
site-description = Aprende con expertos verificados en sesiones en vivo 1:1, reservadas en tu propia zona horaria.
skip-to-content = Saltar al contenido
nav-label = Principal
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
