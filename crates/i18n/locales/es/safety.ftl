# Rechazos que protegen cuentas y dinero: hosts desconocidos, reservas, propuestas, archivos.
error-host-unknown-title = Dirección del sitio desconocida
error-host-unknown-detail = Esta solicitud nombraba un host que Mentora no sirve. Abre Mentora en su propia dirección e inténtalo de nuevo.
