# Rechazos que protegen cuentas y dinero: hosts desconocidos, reservas, propuestas, archivos.
error-host-unknown-title = Dirección del sitio desconocida
error-host-unknown-detail = Esta solicitud nombraba un host que Mentora no sirve. Abre Mentora en su propia dirección e inténtalo de nuevo.
error-token-revoked-title = Este inicio de sesión ha terminado
error-token-revoked-detail = El token de acceso pertenece a un inicio de sesión que se cerró (sesión cerrada, contraseña cambiada o permisos cambiados). Vuelve a iniciar sesión.
