## Calendarios externos: la página de calendarios, sus errores, el aviso de calendario
## que falla y el evento de sesión escrito en el calendario de un experto.

calendars-title = Tus calendarios
calendars-lead = Conecta los calendarios que ya usas. Sus periodos ocupados bloquean tus horas, así nadie te reserva cuando estás ocupado, y tus sesiones confirmadas pueden aparecer en uno de ellos.
calendars-experts-only = Los calendarios son para expertos: los periodos ocupados de tu calendario impiden que te reserven cuando estás ocupado. Solicita ser experto para conectar uno.
calendars-connected = Calendarios conectados
calendars-none = Todavía no hay ningún calendario conectado.
calendars-kind-caldav = CalDAV
calendars-kind-ics = Suscripción
calendars-signed-in-as = Sesión iniciada como
calendars-health = Estado de la sincronización
calendars-healthy = Funciona: los periodos ocupados se leen según lo previsto.
calendars-last-read = Última lectura { $when }
calendars-never-read = Aún no se ha leído
calendars-next-read = próxima lectura { $when }
calendars-which = Calendarios
calendars-which-hint = Los calendarios marcados bloquean tu tiempo. Uno de tus calendarios (no un feed suscrito) puede recibir tus sesiones confirmadas.
calendars-blocks = bloquea mi tiempo
calendars-receives = Recibe mis sesiones
calendars-receives-none = Ningún calendario recibe mis sesiones
calendars-busy-count = { $count ->
    [one] 1 periodo ocupado por delante
   *[other] { $count } periodos ocupados por delante
}
calendars-unread-series = { $count ->
    [one] No se pudo seguir 1 evento repetido: solo su primera fecha bloquea tu tiempo.
   *[other] No se pudieron seguir { $count } eventos repetidos: solo sus primeras fechas bloquean tu tiempo.
}
calendars-keep-booking = Seguir aceptando reservas mientras no se pueda leer este calendario
calendars-keep-booking-hint = Los alumnos verán entonces «calendario no comprobado» junto a tus horas. Desactivado: tus horas quedan en pausa hasta que el calendario vuelva a funcionar.
calendars-share-names = Mostrar el nombre del alumno en los eventos de sesión
calendars-save = Guardar la elección de calendarios
calendars-reconnect = Volver a conectar con una nueva contraseña de aplicación
calendars-reconnect-button = Volver a conectar
calendars-disconnect = Desconectar este calendario
calendars-caldav-title = Conectar un calendario CalDAV
calendars-caldav-lead = iCloud, Fastmail, Nextcloud, Radicale y la mayoría de los servicios de calendario hablan CalDAV. Usa una contraseña de aplicación creada para Mentora, no tu contraseña principal.
calendars-field-url = Dirección del servidor
calendars-field-url-hint = Por ejemplo https://caldav.icloud.com/ o https://caldav.fastmail.com/: la dirección del servidor, la de tu carpeta de calendarios o la de un calendario.
calendars-field-username = Nombre de usuario
calendars-field-password = Contraseña de aplicación
calendars-field-password-hint = Se guarda cifrada. Revócala en tu proveedor cuando quieras para cortar el acceso de Mentora.
calendars-connect = Conectar
calendars-feed-title = Suscribirse a un calendario
calendars-feed-lead = Una dirección ICS de solo lectura (la «dirección secreta en formato iCal» de Google, un calendario publicado de Outlook): sus eventos bloquean tu tiempo; no se escribe nada en él.
calendars-field-feed = Dirección del calendario
calendars-subscribe = Suscribirse
calendars-how-title = Lo recientes que son los periodos ocupados
calendars-how = Cada calendario se lee cada 10 minutos, solo cuando ha cambiado. Antes de que un alumno reserve una de tus horas, un calendario leído hace más de 2 minutos se vuelve a leer (salvo que esté esperando para reintentar tras un fallo).
calendars-done-connected = Calendario conectado. Sus periodos ocupados ya bloquean tus horas.
calendars-done-unread = Calendario conectado, pero aún no se pudo leer: la tarjeta de abajo explica por qué.
calendars-done-saved = Elección de calendarios guardada.
calendars-done-reconnected = Calendario reconectado y leído de nuevo.
calendars-done-disconnected = Calendario desconectado. Sus periodos ocupados ya no bloquean tus horas.

calendar-url-required = Escribe la dirección del calendario.
calendar-url-invalid = Escribe una dirección que empiece por https://, http:// o webcal://.
calendar-username-required = Escribe el nombre de usuario con el que entras en el calendario.
calendar-username-too-long = El nombre de usuario es demasiado largo.
calendar-password-required = Escribe una contraseña de aplicación.
calendar-password-too-long = La contraseña de aplicación es demasiado larga.
calendar-receiving-read-only = Este calendario es de solo lectura (una suscripción, o compartido contigo para leer): elige uno en el que puedas escribir para recibir las sesiones.
calendar-error-unauthorized = El servidor del calendario rechazó el nombre de usuario o la contraseña de aplicación. Crea una nueva contraseña de aplicación y vuelve a conectar.
calendar-error-gone = El calendario ya no está: se eliminó o se movió.
calendar-error-unreadable = Esta dirección no responde con un calendario. Comprueba que sea la dirección CalDAV o ICS.
calendar-error-unreachable = No se pudo contactar con el servidor del calendario. Mentora lo sigue intentando.
calendar-error-refused = El servidor del calendario rechazó la petición.
calendar-error-no-calendars = La cuenta no tiene ningún calendario con eventos.
calendar-error-private-address = Esta dirección está dentro de una red privada, a la que Mentora no accede. Usa la dirección pública del calendario.
calendar-error-secret-unreadable = Mentora ya no puede leer la contraseña o la dirección que guardó para este calendario. Vuelve a conectarlo (en una suscripción: desconéctala y suscríbete de nuevo).
calendar-failing-paused = Hasta que vuelva a funcionar, los alumnos no pueden reservar tus horas.
calendar-failing-keep = Hasta que vuelva a funcionar, los alumnos pueden reservar tus horas, marcadas como «calendario no comprobado».

notification-calendar-failing = No se puede leer uno de tus calendarios: { $other }
email-calendar-failing-subject = No se puede leer un calendario conectado a Mentora
email-calendar-failing-body = Hola, { $name }:

    Mentora no pudo leer uno de tus calendarios: { $reason }
    { $consequence }

    Arréglalo en tu página de calendarios: { $link }

error-calendar-limit-title = Demasiados calendarios
error-calendar-limit-detail = Como máximo { $count } conexiones de calendario. Desconecta una primero.

calendar-event-title = Sesión de Mentora
calendar-event-title-named = Sesión de Mentora con { $learner }
calendar-event-description = { $expert_time } ({ $expert_zone })
    Hora del alumno: { $learner_time } ({ $learner_zone })
    Entrar: { $join }
    Reserva: { $page }

availability-calendars = Los periodos ocupados de tus propios calendarios pueden bloquear tus horas.
availability-calendars-link = Conecta tus calendarios
slots-calendar-not-checked = Calendario no comprobado: ahora mismo no se puede leer uno de los calendarios de este experto, así que una hora mostrada podría coincidir con algo. El experto decidió seguir aceptando reservas.

calendars-kind-google = Google Calendar
calendars-kind-microsoft = Microsoft 365
calendars-accounts-title = Google Calendar y Microsoft 365
calendars-accounts-lead = Inicia sesión con tu cuenta: Mentora lee cuándo estás ocupado y, si quieres, escribe tus sesiones en uno de tus calendarios. Puedes desconectarlo cuando quieras.
calendars-connect-google = Conectar Google Calendar
calendars-connect-microsoft = Conectar Microsoft 365
calendars-sign-in-again = Iniciar sesión de nuevo
calendar-error-signed-out = La cuenta ya no da acceso a Mentora (se revocó o caducó). Inicia sesión de nuevo.
calendars-sign-in-denied = No diste acceso a Mentora, así que no se conectó nada.
calendars-sign-in-failed = El inicio de sesión no se completó. Inténtalo de nuevo.
calendars-sign-in-other-account = Iniciaste sesión con otra cuenta distinta de la de esta conexión. Para añadir esa cuenta, usa Conectar.
