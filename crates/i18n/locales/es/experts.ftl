# Expertos: solicitudes, verificación, cobros, el directorio y los perfiles públicos.

nav-find-expert = Buscar un experto
nav-expert-application = Enseña en Mentora
nav-admin-experts = Verificación
test-mode-label = Modo de prueba.

## Directorio
directory-title = Buscar un experto
directory-description = Expertos verificados para sesiones en vivo 1:1, en tu idioma y tu zona horaria.
directory-filters = Filtrar expertos
directory-search = Busca por nombre, tema o habilidad
directory-specialty = Especialidad
directory-any = Cualquiera
directory-language = Idioma que hablan
directory-language-hint = Escribe el nombre de un idioma, como English o Español.
directory-price = Precio por hora ({ $currency })
directory-price-min = Desde
directory-price-max = Hasta
directory-currency = Mostrar precios en
directory-rating = Valoración
directory-rating-at-least = { $stars } estrellas o más
directory-available = Disponible en los próximos 7 días
directory-sort = Ordenar por
directory-sort-relevance = Mejor coincidencia
directory-sort-rating = Mejor valorados
directory-sort-price = Precio más bajo
directory-sort-soonest = Disponible antes
directory-apply = Ver expertos
directory-results = Resultados
directory-empty = Ningún experto coincide todavía con estos filtros. Prueba con menos filtros u otras palabras.
directory-more = Más expertos
directory-language-invalid = Elige un idioma de la lista, por su propio nombre (Español) o en inglés (Spanish).
directory-price-invalid = Escribe el precio como número, por ejemplo 40 o 39.50.
directory-price-currency-unsupported = Aún no podemos estimar precios en esta moneda; elige otra para filtrar por precio.
directory-price-range = El precio máximo no puede ser menor que el mínimo.
directory-rating-invalid = Elige una valoración de 0 a 5.
directory-sort-invalid = Elige uno de los órdenes ofrecidos.
directory-cursor-invalid = Este enlace de página está roto; empieza la búsqueda de nuevo.
directory-limit-invalid = Pide de 1 a 50 resultados por página.

## Tarjetas y perfiles
expert-verified = Verificado
expert-verified-since = Verificado desde { $date }
expert-price-estimate = ≈ { $price } (estimación)
expert-estimate-note = Las estimaciones usan tipos de cambio de referencia. Se te cobra en { $currency }, la moneda del experto.
expert-no-reviews = Aún sin reseñas
expert-rating-summary = { $average } de 5 ({ $count ->
    [one] 1 reseña
   *[other] { $count } reseñas
})
expert-about = Sobre mí
expert-intro-video = Ver el vídeo de presentación
expert-choose-time = Elegir un horario
expert-intro-video-player = Vídeo de presentación de { $name } ({ $provider })
expert-intro-video-on = Verlo en { $provider }
expert-rates = Sesiones y precios
expert-rate-duration = { $minutes } minutos
expert-rating = Valoración
expert-specialties = Especialidades
expert-languages = Idiomas
expert-photo-of = Foto de { $name }
expert-preview-notice = Vista previa: los estudiantes no ven este perfil hasta que esté verificado, con cobros configurados y sin suspensión.
expert-suspended = Suspendido

## Solicitud
expert-apply-title = Tu solicitud como experto
expert-apply-intro = Cuenta a los estudiantes qué enseñas. Tu solicitud se guarda como borrador hasta que la envíes a revisión; una persona verificadora revisa tus documentos y responde con un motivo.
expert-status = Estado de la solicitud
expert-status-none = Sin empezar
expert-status-draft = Borrador: solo tú lo ves.
expert-status-submitted = Enviada: se revisará pronto.
expert-status-changes-requested = Cambios pedidos: edita tu solicitud y envíala otra vez.
expert-status-approved = Aprobada
expert-status-rejected = No aprobada
expert-status-invalid = Elige uno de los estados de solicitud.
expert-reason = Nota de verificación:
expert-suspended-notice = Tu perfil está suspendido: los estudiantes no pueden encontrarte ni reservar. Las sesiones ya reservadas se mantienen.
expert-view-public-profile = Ver tu perfil público
expert-verify-email-first = Confirma tu correo antes de solicitar. El enlace está en tu bandeja; puedes reenviarlo desde tu perfil.
expert-field-headline = Titular
expert-field-headline-hint = Una línea que los estudiantes ven primero, como «Mentor de Rust para backend».
expert-field-bio = Sobre ti
expert-field-bio-hint = Markdown: **negrita**, _cursiva_, listas y enlaces. Hasta 5.000 caracteres.
expert-field-specialties = Especialidades (hasta 10)
expert-field-languages = Idiomas en los que enseñas
expert-field-rates = Precios por sesión
expert-field-rates-hint = Deja vacía una duración para no ofrecerla. Todos los precios van en una moneda.
expert-field-video = Vídeo de presentación (opcional)
expert-field-video-hint = Un enlace https, como un vídeo de YouTube o Vimeo.
expert-photo-hint = Los estudiantes ven tu foto de perfil.
expert-save-draft = Guardar borrador
expert-save-profile = Guardar perfil
expert-submit = Enviar a revisión
expert-submit-hint = Una solicitud completa tiene titular, texto sobre ti, una especialidad, un idioma, un precio y un documento de identidad.
expert-saved-draft = Tu solicitud está guardada.
expert-saved-submitted = Tu solicitud está enviada. Te enviaremos la respuesta por correo.
expert-saved-document = Tu documento está subido.
expert-saved-removed = El documento se ha quitado.
expert-saved-payouts = Tus datos de cobro están actualizados.
expert-headline-required = Añade un titular.
expert-headline-too-long = El titular debe tener menos de 120 caracteres.
expert-headline-invalid = El titular no puede tener caracteres de control.
expert-bio-required = Cuenta algo sobre ti.
expert-bio-too-long = El texto sobre ti debe tener menos de 5.000 caracteres.
expert-specialties-required = Elige al menos una especialidad.
expert-specialties-too-many = Elige como mucho 10 especialidades.
expert-specialty-unknown = Elige especialidades de la lista.
expert-languages-required = Indica al menos un idioma en el que enseñas.
expert-rates-required = Pon precio al menos a una duración de sesión.
expert-rate-not-positive = Escribe un precio mayor que cero.
expert-rate-too-high = Este precio supera los 5.000 dólares por sesión. Revisa si sobra un cero.
expert-rate-not-a-number = Escribe el precio como número, por ejemplo 45 o 45.50.
expert-rate-too-many-decimals = Esta moneda tiene menos decimales.
expert-rate-duration-invalid = Ofrece sesiones de 30, 45, 60, 90 o 120 minutos.
expert-rate-duration-repeated = Da a cada duración un solo precio.
expert-rate-currency-mixed = Todos los precios deben ir en la moneda de la solicitud.
expert-video-url-invalid = Usa un enlace https al vídeo.
expert-identity-document-required = Sube un documento de identidad (pasaporte, DNI o permiso de conducir).

## Documentos
expert-documents = Documentos de verificación
expert-documents-hint = Solo tú y el equipo de verificación podéis abrir estos archivos. Los documentos de una solicitud rechazada se borran tras el periodo de conservación.
expert-document-file = Archivo
expert-document-kind = Tipo
expert-document-kind-identity = Documento de identidad
expert-document-kind-credential = Título o certificado
expert-document-size = Tamaño
expert-document-actions = Acciones
expert-document-remove = Quitar
expert-document-remove-named = Quitar { $name }
expert-document-upload = Subir documento
expert-document-hint = PDF, JPEG o PNG, hasta 10 MB.
expert-document-required = Elige un archivo para subir.
expert-document-too-large = El archivo supera los 10 MB.
expert-document-type = Este archivo no es un PDF, JPEG ni PNG (se comprueba por su contenido, no por su nombre).
expert-document-kind-invalid = Elige qué tipo de documento es.
expert-document-too-many = Una solicitud admite como mucho 10 documentos; quita uno antes.

## Cobros
payouts-title = Cobros
payouts-test-mode-note = No se mueve dinero real: esta instalación no tiene proveedor de pagos configurado.
payouts-ready = Los cobros están configurados: los estudiantes pueden reservarte.
payouts-not-ready = Configura los cobros para que los estudiantes puedan reservarte y pagarte.
payouts-requirements = El proveedor de pagos aún necesita:
payouts-start = Configurar cobros
payouts-continue = Continuar la configuración de cobros
payouts-sandbox-title = Configurar cobros (modo de prueba)
payouts-sandbox-body = Esto sustituye al alta del proveedor de pagos para { $email }. Al terminar, tu cuenta de prueba podrá recibir pagos y cobrar.
payouts-sandbox-complete = Terminar el alta de prueba

## Verificación
admin-experts-title = Verificación de expertos
admin-experts-by-status = Solicitudes por estado
admin-experts-empty = No hay solicitudes aquí.
admin-experts-applicant = Solicitante
admin-experts-waiting = Esperando
admin-experts-back = Volver a la cola
admin-experts-history = Decisiones hasta ahora
admin-experts-decide = Decisión
admin-experts-reason = Motivo (quien solicita lo ve y lo recibe por correo)
admin-experts-reason-hint = Di qué se comprobó, o qué hay que cambiar exactamente.
admin-experts-record-decision = Registrar decisión
admin-experts-suspend = Suspender experto
admin-experts-reinstate = Restablecer experto
admin-experts-suspend-reason = Motivo de la suspensión (se informa al experto)
admin-experts-reinstate-reason = Motivo del restablecimiento (se informa al experto)
admin-experts-suspend-hint = Un experto suspendido no aparece en las búsquedas; las sesiones ya reservadas se mantienen.
admin-experts-saved-decision = La decisión está registrada y se ha avisado por correo.
admin-experts-saved-suspension = Hecho. Se ha avisado al experto por correo.
expert-decision-approve = Aprobar
expert-decision-reject = Rechazar
expert-decision-request-changes = Pedir cambios
expert-decision-invalid = Elige aprobar, pedir cambios o rechazar.
expert-reason-required = Escribe un motivo de al menos 3 caracteres.
expert-reason-too-long = El motivo debe tener menos de 2.000 caracteres.
age-days = { $count } días
age-hours = { $count } horas
age-minutes = { $count } minutos
admin-specialties-title = Especialidades
admin-specialties-category = Categoría
admin-specialties-name = Nueva especialidad
admin-specialties-add = Añadir especialidad
admin-specialties-rename = Renombrar
admin-specialties-rename-named = Nuevo nombre para { $name }
specialty-name-invalid = Usa de 2 a 80 caracteres para el nombre.
specialty-exists = Ya existe una especialidad con este nombre.
specialty-category-unknown = Elige una de las categorías.

## Correo
email-expert-approve-subject = Ya eres experto verificado en Mentora
email-expert-approve-body = Hola { $name }:

    tu solicitud como experto está aprobada. Nota de verificación: { $reason }

    Ahora configura los cobros para que te puedan reservar: { $link }
email-expert-reject-subject = Sobre tu solicitud como experto en Mentora
email-expert-reject-body = Hola { $name }:

    no podemos aprobar tu solicitud como experto. Motivo: { $reason }

    Tu solicitud: { $link }
email-expert-request-changes-subject = Se piden cambios en tu solicitud de Mentora
email-expert-request-changes-body = Hola { $name }:

    antes de aprobar tu solicitud se piden estos cambios: { $reason }

    Edítala y envíala otra vez: { $link }
email-expert-suspended-subject = Tu perfil de experto en Mentora está suspendido
email-expert-suspended-body = Hola { $name }:

    tu perfil de experto está suspendido y no aparece en las búsquedas. Las sesiones ya reservadas se mantienen. Motivo: { $reason }
email-expert-reinstated-subject = Tu perfil de experto en Mentora vuelve a estar visible
email-expert-reinstated-body = Hola { $name }:

    tu perfil de experto vuelve a estar visible. Nota: { $reason }

## Errores
error-email-unverified-title = Confirma antes tu correo
error-email-unverified-detail = Esto necesita un correo confirmado. Usa el enlace que te enviamos o reenvíalo desde tu perfil.
error-application-exists-title = Ya has enviado una solicitud
error-application-exists-detail = Esta cuenta ya tiene una solicitud como experto; modifícala en lugar de empezar otra.
error-application-state-title = No es posible en esta fase
error-application-state-detail = La solicitud está en estado { $status }, que no lo permite.
error-payment-provider-unavailable-title = El proveedor de pagos no respondió
error-payment-provider-unavailable-detail = No pudimos contactar con el proveedor de pagos. No se ha cambiado nada; inténtalo de nuevo en un momento.
error-webhook-invalid-title = Webhook rechazado
error-webhook-invalid-detail = La entrega no se aceptó: { $problem }
admin-suspend-ask-title = ¿Suspender a { $name }?
admin-suspend-ask-what = { $name } sale del directorio de inmediato, y sus próximas sesiones se cancelan con reembolso completo.
admin-suspend-ask-reason = Recibe por correo tu motivo: { $reason }
admin-suspend-keep = No suspender
expert-document-ask-title = ¿Quitar { $file }?
expert-document-ask-what = El archivo se borra definitivamente; súbelo de nuevo si lo necesitas.
expert-document-keep = Conservar el archivo
expert-document-remove-yes = Sí, quitarlo
admin-review-status-none = Sin empezar
admin-review-status-draft = Borrador: la persona aún no lo ha enviado
admin-review-status-submitted = Enviada: espera la decisión de un verificador
admin-review-status-changes-requested = Cambios pedidos: espera a la persona solicitante
admin-review-status-approved = Aprobada
admin-review-status-rejected = No aprobada
admin-review-field-bio = Sobre la persona solicitante
admin-review-field-specialties = Especialidades
admin-review-field-languages = Enseña en
admin-review-field-rates = Precios por sesión
admin-review-field-video = Vídeo de presentación
admin-audit-erased = Cuenta borrada
audit-calendar-chosen = Calendarios elegidos
audit-calendar-connected = Calendario conectado
audit-calendar-disconnected = Calendario desconectado
audit-calendar-reconnected = Calendario reconectado
audit-expert-application-saved = Solicitud de experto guardada
audit-expert-application-submitted = Solicitud de experto enviada
audit-expert-approved = Experto aprobado
audit-expert-changes-requested = Cambios pedidos a un solicitante
audit-expert-document-removed = Documento de verificación quitado
audit-expert-document-uploaded = Documento de verificación subido
audit-expert-reinstated = Experto readmitido
audit-expert-rejected = Solicitud de experto no aprobada
audit-expert-suspended = Experto suspendido
audit-job-discarded = Tarea descartada
audit-job-retried = Tarea reintentada
audit-login-link-sent = Enlace de acceso enviado
audit-login-link-used = Acceso con enlace por correo
audit-payments-commission-set = Comisión cambiada
audit-payments-rate-set = Tipo de cambio fijado
audit-payments-refunded = Pago reembolsado
audit-payouts-account-updated = Cuenta de cobros actualizada
audit-payouts-onboarding-started = Configuración de cobros iniciada
audit-payouts-sandbox-completed = Configuración de cobros completada (modo de prueba)
audit-review-hidden = Reseña ocultada
audit-review-reports-cleared = Reseña mantenida, avisos leídos
audit-review-restored = Reseña visible de nuevo
audit-taxonomy-specialty-added = Especialidad añadida
audit-taxonomy-specialty-renamed = Especialidad renombrada
audit-test-clock-moved = Reloj de pruebas movido
directory-next-free = Próximo hueco: { $when } ({ $zone })
