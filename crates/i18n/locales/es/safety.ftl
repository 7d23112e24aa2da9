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
