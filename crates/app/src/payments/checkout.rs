//! Starting a held booking's payment at the provider: one payment per booking (its id is
//! the idempotency key), created when the hold is placed and looked up again whenever the
//! checkout page is drawn.

use payments::{NewPayment, Payment, PaymentProvider, ProviderMode};
use store::Database;

use crate::bookings::{Booking, BookingError};

/// The booking's payment, created at the provider if it has none yet. `None` in the
/// sandbox, whose checkout takes the payment itself.
pub async fn start(
    db: &Database,
    provider: &dyn PaymentProvider,
    booking: &Booking,
) -> Result<Option<Payment>, BookingError> {
    if provider.mode() != ProviderMode::Stripe
        || booking.row.payment_provider != crate::bookings::money::STRIPE_PROVIDER
    {
        return Ok(None);
    }
    if let Some(existing) = &booking.row.payment_ref {
        return Ok(Some(provider.payment(existing).await?));
    }
    let wire_amount = crate::bookings::money::stripe_currency(&booking.row.currency)?
        .chargeable(booking.row.price_amount)
        .map_err(BookingError::NotChargeable)?;
    let payment = provider
        .create_payment(NewPayment {
            booking_id: booking.row.id,
            wire_amount,
            currency: booking.row.currency.to_ascii_lowercase(),
            description: format!("Mentora session {}", booking.row.id),
        })
        .await?;
    // Two tabs creating at once get the same payment (same key); the first stored stands.
    store::bookings::set_payment_ref(db, booking.row.id, &payment.id).await?;
    Ok(Some(payment))
}
