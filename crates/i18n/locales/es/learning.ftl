# El historial de aprendizaje: reseñas, notas y recursos de las sesiones, objetivos y cronología, NPS.
nav-my-learning = Mi aprendizaje
nav-admin-reviews = Reseñas
nav-admin-kpis = Cifras clave

## Reseñas en la página de una reserva
review-title = Tu reseña
review-lead = ¿Qué tal fue tu sesión con { $expert }? Tu reseña es pública en su perfil, solo con tu nombre de pila.
review-rating = Valoración general
review-stars = { $stars ->
    [one] 1 estrella
   *[other] { $stars } estrellas
}
review-stars-of-five = { $stars } de 5
review-aspects = Detalles (opcional)
review-clarity = Claridad
review-preparation = Preparación
review-punctuality = Puntualidad
review-aspect-none = Sin valorar
review-body = Tu reseña (opcional)
review-body-hint = ¿Qué aprendiste? ¿Qué le dirías a alguien que está pensando en elegir a este experto?
review-publish = Publicar reseña
review-save-changes = Guardar cambios
review-editable-until = Puedes cambiar tu reseña hasta el { $until }.
review-edited = editada
review-published = Tu reseña está publicada.
review-window-closed = Las sesiones se pueden valorar durante los 30 días siguientes a su fin.
review-none-yet = { $learner } aún no ha valorado esta sesión.
review-learner-said = Reseña de { $learner }
review-reply = Responder públicamente
review-reply-hint = Tu respuesta aparece bajo la reseña en tu perfil. Puedes responder una sola vez.
review-reply-publish = Publicar respuesta
review-reply-from = Respuesta de { $expert }
review-hidden-note = Un operador ocultó esta reseña: { $reason }

## Reseñas en un perfil
reviews-title = Reseñas
reviews-average = { $average } de 5
reviews-count = { $count ->
    [one] 1 reseña
   *[other] { $count } reseñas
}
reviews-none = Aún no hay reseñas.
reviews-distribution = Cómo se reparten las valoraciones
reviews-share = { $stars } estrellas: { $percent } %
reviews-sort = Orden
reviews-sort-newest = Más recientes
reviews-sort-helpful = Más útiles
reviews-helpful = Útil ({ $count })
reviews-helpful-marked = Te resultó útil ({ $count })
reviews-report = Denunciar esta reseña
reviews-report-reason = ¿Por qué debería revisarla un operador?
reviews-report-send = Enviar denuncia
reviews-reported = Gracias. Un operador revisará esta reseña.
reviews-more = Más reseñas
reviews-sign-in-to-act = Inicia sesión para marcar reseñas como útiles o denunciarlas.

## Errores de campo
review-rating-invalid = Elige de una a cinco estrellas.
review-aspect-invalid = Valóralo de una a cinco estrellas o déjalo sin valorar.
review-body-too-long = La reseña debe tener menos de 4000 caracteres.
review-reply-required = Escribe tu respuesta.
review-reply-too-long = La respuesta debe tener menos de 4000 caracteres.
review-reason-required = Indica el motivo.
review-reason-too-long = El motivo debe tener menos de 500 caracteres.
review-already-hidden = Esta reseña ya está oculta.
review-not-hidden = Esta reseña no está oculta.

## Notas y recursos de la sesión
notes-title = Notas de la sesión
notes-link = Notas, recursos y chat
notes-session = { $expert } con { $learner }, { $when }
notes-shared-title = Notas compartidas
notes-shared-lead = Estas notas las ven y editan tanto tú como { $other }. Admite Markdown: **bold**, listas, enlaces.
notes-shared-empty = Nadie ha escrito notas todavía.
notes-shared-label = Editar las notas compartidas
notes-shared-save = Guardar notas compartidas
notes-last-saved = Versión { $version }, guardada por { $name }, { $at }.
notes-saved = Guardado.
notes-conflict = { $name } guardó estas notas mientras las editabas (ahora es la versión { $version }). No se ha perdido nada tuyo: tu texto está en el cuadro de abajo y su versión se muestra encima. Combina ambas y vuelve a guardar.
notes-their-version = Las notas tal como están ahora
notes-private-title = Mis notas privadas
notes-private-lead = Solo tú puedes verlas.
notes-private-label = Tus notas privadas
notes-private-save = Guardar mis notas
notes-too-long = Las notas deben tener menos de 50.000 caracteres.
resources-title = Recursos
resources-none = Aún no hay recursos.
resources-added-by = añadido por { $name }
resources-remove = Quitar
resources-remove-label = Quitar { $title }
resources-add-link = Añadir un enlace
resources-link-title = Título (opcional)
resources-link-url = Enlace (https://…)
resources-link-add = Añadir enlace
resources-add-file = Añadir un archivo
resources-file-title = Título (opcional)
resources-file = Archivo
resources-file-hint = Un PDF, JPEG o PNG de 10 MB como máximo.
resources-file-add = Subir archivo
resource-url-invalid = Introduce una dirección web completa que empiece por https:// o http://.
resource-title-too-long = El título debe tener menos de 200 caracteres.
resource-file-required = Elige un archivo.
resource-file-too-large = Este archivo ocupa más de 10 MB.
resource-file-type = Solo se pueden adjuntar archivos PDF, JPEG y PNG; este archivo no es ninguno de ellos.
resource-too-many = Esta sesión tiene 30 recursos, el máximo que admite. Quita uno primero.
chat-title = Chat de la sesión
chat-none = No se escribió nada en el chat de la sesión.

## Objetivos en la página de una reserva
session-goals-title = Objetivos a los que sirve esta sesión
session-goals-none = No hay ningún objetivo vinculado a esta sesión.
session-goals-link = Vincular un objetivo
session-goals-pick = Objetivo
session-goals-add = Vincular
session-goals-unlink = Desvincular
session-goals-unlink-label = Desvincular { $title }
session-goals-shared-title = Lo que { $learner } quiere conseguir
session-goals-shared-none = { $learner } no ha compartido objetivos para esta sesión.
session-goals-new = Define un objetivo en la página Mi aprendizaje.

## Página de objetivos y cronología
learning-title = Mi aprendizaje
learning-lead = Tus objetivos y todo lo que ha pasado por el camino.
goals-title = Objetivos
goals-none = Aún no tienes objetivos. ¿Qué quieres conseguir?
goals-new = Nuevo objetivo
goals-field-title = Objetivo
goals-field-title-hint = Por ejemplo: «Mantener una conversación de 10 minutos en japonés».
goals-field-detail = Más detalles (opcional)
goals-field-target = Fecha objetivo (opcional)
goals-field-status = Estado
goals-field-shared = Compartir con los expertos de las sesiones vinculadas
goals-field-shared-hint = Lo ven en la página de la reserva antes de la sesión.
goals-create = Añadir objetivo
goals-save = Guardar
goals-target = Fecha objetivo: { $date }
goals-sessions = { $count ->
    [one] 1 sesión
   *[other] { $count } sesiones
}
goals-shared = Compartido con expertos
goals-private = Solo tú
goal-status-active = Activo
goal-status-achieved = Conseguido
goal-status-dropped = Abandonado
goal-title-required = Di cuál es el objetivo.
goal-title-too-long = El objetivo debe tener menos de 200 caracteres.
goal-detail-too-long = La descripción debe tener menos de 2000 caracteres.
goal-status-invalid = Elige activo, conseguido o abandonado.
goal-target-invalid = Introduce una fecha como 2027-03-31.
goal-too-many = Tienes 50 objetivos, el máximo que puede tener una persona. Abandona uno primero.
goals-edit-label = Cambiar { $title }
timeline-title = Cronología
timeline-none = Aún no hay nada. Aquí aparecerán tus sesiones, notas y objetivos.
timeline-session = Sesión con { $expert }: { $status }
timeline-notes = Notas compartidas guardadas
timeline-resource = Recurso adjuntado: { $title }
timeline-review = Valoraste una sesión con { $expert }: { $stars } de 5
timeline-goal-set = Objetivo definido: { $title }
timeline-goal-status = { $title }: ahora { $status }
timeline-goal-target = { $title }: nueva fecha objetivo, { $date }
timeline-goal-target-cleared = { $title }: fecha objetivo eliminada

## NPS
nps-title = Una pregunta rápida
nps-question = ¿Qué probabilidad hay de que recomiendes Mentora a un amigo o colega?
nps-low = 0 = nada probable
nps-high = 10 = extremadamente probable
nps-comment = ¿Cuál es el motivo principal de tu puntuación? (opcional)
nps-send = Enviar
nps-not-now = Ahora no
nps-thanks = Gracias por tu respuesta.
nps-score-invalid = Elige un número del 0 al 10.
nps-comment-too-long = El comentario debe tener menos de 2000 caracteres.

## Operadores
admin-reviews-title = Reseñas por moderar
admin-reviews-lead = Reseñas denunciadas y reseñas que un operador ocultó. Ocultar una reseña la retira del perfil y de la valoración del experto; el motivo queda en el registro de auditoría.
admin-reviews-none = No hay ninguna reseña denunciada ni oculta.
admin-reviews-review = Reseña
admin-reviews-expert = Experto
admin-reviews-learner = Alumno
admin-reviews-reports = Denuncias
admin-reviews-state = Estado
admin-reviews-shown = Visible
admin-reviews-hidden = Oculta: { $reason }
admin-reviews-reason = Motivo
admin-reviews-hide = Ocultar
admin-reviews-restore = Restablecer
admin-kpis-title = Cifras clave
admin-nps-title = Net Promoter Score, últimos { $days } días
admin-nps-score = Puntuación
admin-nps-none = No hay respuestas en este periodo.
admin-nps-answers = Respuestas
admin-nps-promoters = Promotores (9–10)
admin-nps-passives = Pasivos (7–8)
admin-nps-detractors = Detractores (0–6)
admin-nps-comments = Últimos comentarios

## Errores de la API y de las páginas
error-session-not-completed-title = La sesión no está completada
error-session-not-completed-detail = Solo se pueden valorar las sesiones completadas.
error-review-window-closed-title = El plazo para valorar ha terminado
error-review-window-closed-detail = Las sesiones se pueden valorar durante los 30 días siguientes a su fin.
error-review-exists-title = Ya valorada
error-review-exists-detail = Esta sesión ya tiene su reseña; cámbiala en lugar de escribir otra (en las 48 horas siguientes a escribirla).
error-review-edit-closed-title = La reseña ya no se puede cambiar
error-review-edit-closed-detail = Una reseña se puede cambiar durante las 48 horas siguientes a escribirla.
error-reply-exists-title = Ya respondida
error-reply-exists-detail = El experto puede responder a una reseña una sola vez.
error-notes-conflict-title = Las notas cambiaron mientras tanto
error-notes-conflict-detail = Alguien guardó las notas compartidas después de que las leyeras, así que las tuyas no se guardaron. Lee la versión actual, combina los cambios y vuelve a guardar con su número de versión.
error-nps-not-due-title = No se pregunta ahora
error-nps-not-due-detail = La pregunta de recomendación se hace después de algunas sesiones completadas, una vez por periodo.
reviews-order-invalid = Ordena por más recientes o más útiles.
reviews-page-invalid = Elige una página de 0 a 1000.
admin-nps-days-invalid = Elige un periodo de 1 a 3650 días.
notes-open-new-tab = Notas de la sesión (se abren en una pestaña nueva)
review-decision-invalid = Elige ocultar, restaurar o mantener.
admin-reviews-keep = Mantenerla (denuncias leídas)
review-not-saved = Tus palabras, sin guardar (cópialas antes de salir):
