// The checkout with Stripe: mounts Stripe.js's Payment Element with the booking's
// PaymentIntent and confirms it; Stripe.js handles 3-D Secure and sends the learner to the
// return address. Also counts down the hold's remaining time.

const form = document.getElementById('payment-form');
const message = document.getElementById('payment-message');
const button = document.getElementById('pay-button');

if (form && typeof window.Stripe === 'function') {
  const stripe = window.Stripe(form.dataset.publishableKey);
  const elements = stripe.elements({
    clientSecret: form.dataset.clientSecret,
    locale: form.dataset.locale,
  });
  elements.create('payment').mount('#payment-element');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    button.disabled = true;
    message.textContent = '';
    const { error } = await stripe.confirmPayment({
      elements,
      confirmParams: { return_url: form.dataset.returnUrl },
    });
    // Reached only when the payment could not go ahead (a declined card, a missing
    // field); otherwise the browser is on its way to the return address.
    if (error) {
      message.textContent = error.message ?? '';
      button.disabled = false;
    }
  });
}

const countdown = document.getElementById('hold-countdown');
if (countdown) {
  const expiresAt = Number(countdown.dataset.expiresAt) * 1000;
  const two = (n) => String(n).padStart(2, '0');
  const tick = () => {
    const left = Math.max(0, Math.round((expiresAt - Date.now()) / 1000));
    if (left === 0) {
      countdown.textContent = countdown.dataset.expired ?? '';
      if (button) button.disabled = true;
      return;
    }
    countdown.textContent = `${Math.floor(left / 60)}:${two(left % 60)}`;
    setTimeout(tick, 1000);
  };
  tick();
}
