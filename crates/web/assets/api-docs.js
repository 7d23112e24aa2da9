// Mounts Swagger UI (swagger-ui-bundle.js, loaded before this file) on the API document.
// A file of its own because the CSP allows no inline script.
//
// Swagger UI's own layout wraps the operations in a <main>, which would sit inside the
// page's <main>; this layout is the same pieces with the operations and schemas in
// labelled sections, so the page keeps one main landmark.
const mentoraLayout = (system) => ({
  components: {
    MentoraLayout: ({ getComponent, specSelectors }) => {
      const h = system.React.createElement;
      const part = (name) => h(getComponent(name, true));
      const status = specSelectors.loadingStatus();
      if (status !== 'success') {
        // While loading, a spinner; once loading failed, only the errors saying why.
        const waiting = status === 'loading' || !status;
        return h('div', { className: 'swagger-ui' }, part('errors'),
          waiting ? h('div', { className: 'loading-container' }, h('div', { className: 'loading' })) : null);
      }
      return h('div', { className: 'swagger-ui' },
        h(getComponent('SvgAssets')),
        part('errors'),
        h('div', { className: 'information-container wrapper' }, part('InfoContainer')),
        h('div', { className: 'scheme-container' },
          h('div', { className: 'schemes wrapper' }, part('AuthorizeBtnContainer'))),
        h('section', { id: 'operations', className: 'wrapper', 'aria-label': 'Operations' }, part('operations')),
        h('section', { className: 'wrapper', 'aria-label': 'Schemas' }, part('Models')));
    },
  },
});

const root = document.getElementById('swagger-ui');
if (root && window.SwaggerUIBundle) {
  window.SwaggerUIBundle({
    url: root.dataset.specUrl,
    domNode: root,
    plugins: [mentoraLayout],
    layout: 'MentoraLayout',
    // Deep links put a link inside each operation's toggle button (nested controls).
    deepLinking: false,
    // Requests made from the page carry the token typed into "Authorize", nothing else.
    withCredentials: false,
    persistAuthorization: false,
    // Validation would send the document to an outside service.
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
  });
}
