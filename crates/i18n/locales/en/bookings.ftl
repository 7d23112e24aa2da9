# Bookings: holding a slot, test-mode checkout, the booking page, dashboards, calendar feeds.

nav-my-sessions = My sessions
nav-my-schedule = My schedule

availability-policy = Cancellation policy
availability-policy-hint = Frozen on each booking when it is made. You cancelling always refunds the learner in full.
availability-policy-invalid = Choose one of the listed policies.
policy-flexible = Flexible: full refund until 2 hours before, nothing after
policy-moderate = Moderate: full refund until 24 hours before, half until 2 hours before, nothing after
policy-strict = Strict: full refund until 7 days before, half until 48 hours before, nothing after

error-slot-unavailable-title = That time is no longer free
error-slot-unavailable-detail = Someone else holds or booked it, or it no longer fits the expert's hours. Pick another time.
error-learner-busy-title = You already have a session then
error-learner-busy-detail = You hold or booked another session that overlaps this time.
error-expert-not-bookable-title = This expert cannot be booked now
error-expert-not-bookable-detail = The expert is not taking bookings at the moment.
error-own-session-title = You cannot book yourself
error-own-session-detail = Experts cannot book sessions with themselves.
error-idempotency-key-reused-title = Idempotency-Key already used
error-idempotency-key-reused-detail = This Idempotency-Key was used for a different request. Use a new key for a new request.
error-invalid-transition-title = Not possible in this state
error-invalid-transition-detail = A { $from } booking cannot become { $to }.
error-payment-declined-title = Payment declined
error-payment-declined-detail = The payment was declined. The slot stays held until the hold runs out; try again.
error-no-proposal-title = No proposed time
error-no-proposal-detail = The expert has not proposed another time for this booking.

booking-start-invalid = Give the start as an RFC 3339 time, such as 2026-12-07T10:00:00Z.
booking-duration-invalid = Give a session length in minutes between 5 and 480.
booking-duration-not-offered = The expert does not offer sessions of this length.
booking-note-too-long = Keep the note under 2000 characters.
booking-expert-unknown = There is no such expert.
booking-reason-too-long = Keep the reason under 500 characters.
booking-reason-required = Say why, so the other side knows.
booking-status-unknown = Use completed, no_show_learner, no_show_expert, disputed or resolved.

booking-note-label = Note for the expert (optional)
booking-note-hint = What you would like to work on. Only the expert sees it.
booking-hold-explained = We hold this time for you while you pay. Cancellation policy: { $policy }.
booking-hold = Hold this time and pay
booking-log-in-to-book = Log in to book this time

checkout-title = Pay for your session
checkout-test-mode-note = No real payment is taken: this is the sandbox payment page.
checkout-declined = The payment was declined. Your time is still held; try again.
checkout-held-until = Held for you until
checkout-hold-note = If you do not pay before then, the time is released for others.
checkout-pay = Pay { $price } (test)
checkout-decline = Simulate a declined payment

booking-title = Your session
booking-expert = Expert
booking-learner = Learner
booking-when = When
booking-refunded = Refunded
booking-policy = Cancellation policy
booking-note = Note
booking-go-to-checkout = Go to payment
booking-proposal-title = New time proposed
booking-proposal-body = The expert proposes to move this session to { $when }.
booking-proposal-accept = Accept the new time
booking-proposal-decline = Keep the current time
booking-cancel-title = Cancel this session
booking-cancel-refund = If you cancel now, { $refund } is refunded.
booking-cancel-reason = Reason
booking-cancel-confirm = Cancel the session
booking-timeline = Timeline
booking-times-in = Times are shown in { $zone }.
booking-back = Back to your sessions
booking-status-held = Held, waiting for payment
booking-status-confirmed = Confirmed
booking-status-expired = Hold expired
booking-status-cancelled = Cancelled
booking-status-rescheduled = Moved to another time
booking-status-completed = Completed
booking-status-no-show-learner = Learner did not attend
booking-status-no-show-expert = Expert did not attend
booking-status-disputed = Disputed
booking-status-resolved = Dispute resolved
booking-actor-learner = by the learner
booking-actor-expert = by the expert
booking-actor-admin = by an administrator
booking-actor-system = by Mentora

my-sessions-title = My sessions
my-schedule-title = My schedule
sessions-tabs = Which sessions
sessions-tab-upcoming = Upcoming
sessions-tab-past = Past
sessions-tab-cancelled = Cancelled
sessions-empty = Nothing here yet.
sessions-with = With
sessions-status = Status

feed-title = Calendar feed
feed-body = Subscribe to your sessions from Google Calendar, Outlook or Apple Calendar with a private address.
feed-url = Your private feed address
feed-url-once = Copy it now: it is shown only once. Anyone with it can see your sessions; make a new one to stop the old.
feed-create = Make a feed address
feed-renew = Replace the feed address
feed-revoke = Stop the feed

email-booking-confirmed-subject = Your Mentora session is confirmed
email-booking-confirmed-body = Hello { $name },

    your session with { $other } is confirmed for { $when }. The attached invite adds it to your calendar.

    Details and changes: { $link }

    Join the session (the room opens 10 minutes before): { $room }
    Trouble with the camera or microphone? { $help }
email-booking-rescheduled-subject = Your Mentora session has moved
email-booking-rescheduled-body = Hello { $name },

    your session with { $other } now takes place { $when }. The attached invite updates your calendar.

    Details: { $link }

    Join the session (the room opens 10 minutes before): { $room }
    Trouble with the camera or microphone? { $help }
email-booking-cancelled-subject = Your Mentora session is cancelled
email-booking-cancelled-body = Hello { $name },

    your session with { $other } on { $when } is cancelled. Refund to the learner: { $refund }. The attached invite removes it from your calendar.

    Details: { $link }
email-booking-proposed-subject = A new time is proposed for your session
email-booking-proposed-body = Hello { $name },

    { $other } proposes to move your session from { $when } to { $proposed }. Accept or keep the current time: { $link }
email-booking-late-refund-subject = Your payment was refunded
email-booking-late-refund-body = Hello { $name },

    your payment for the session with { $other } on { $when } arrived after the hold ran out, and the time was taken by then. We refunded { $refund } in full.

    Details: { $link }

booking-move-title = Move this session
booking-move-learner = Pick another free time; the payment moves with the session.
booking-move-expert = Propose another free time; the learner accepts or keeps the current one.
booking-move-new-time = New time ({ $zone })
booking-move-choose = Choose one of the listed times.
booking-move-confirm = Move the session
booking-move-propose = Propose this time
admin-expert-cancellations = Sessions the expert cancelled
email-booking-late-refund-expert-subject = A late payment was refunded
email-booking-late-refund-expert-body = Hello { $name },

    { $other } paid for a session on { $when } after their hold ran out, and by then the time was booked by someone else. Mentora refunded { $refund } to them in full; nothing changes in your schedule.

    Details: { $link }

field-cursor-invalid = Use the next_cursor value from the previous page, unchanged.
field-limit-invalid = Ask for 1 to 200 bookings per page.
error-currency-not-chargeable-title = Payments are not taken in this currency
error-currency-not-chargeable-detail = The payment provider cannot charge in this expert's currency, so the session cannot be booked.
error-price-not-chargeable-title = This price cannot be charged
error-price-not-chargeable-detail = The payment provider cannot charge this price: it must be at least { $minimum }, in steps it can take. Choose another length or expert.
checkout-time-left = Time left
checkout-hold-lapsed = The hold has run out
checkout-pay-card = Pay { $price }
checkout-card-note = Card details go straight to Stripe, our payment provider; Mentora never sees them.
checkout-complete-title = Confirming your payment
checkout-complete-waiting = Your payment is being confirmed. This page moves on by itself in a moment.
checkout-complete-booking-link = Go to the booking
receipt-title = Receipt
receipt-number = Receipt number { $number }
receipt-sandbox = Test mode: no real payment was taken.
receipt-paid-at = Paid on
receipt-paid = Paid
receipt-refund = Refunded on { $date }
receipt-refund-pending = on its way back
receipt-kept = Total paid
receipt-reference = Payment reference
receipt-print-hint = Print this page, or save it as a PDF, from your browser's print menu.
booking-receipt-link = Receipt
booking-cancel-ask-title = Cancel this session?
booking-cancel-ask-what = Your session with { $name } on { $when } is cancelled, for both of you.
booking-cancel-keep = Keep the session
booking-cancel-yes = Yes, cancel the session
booking-booked-title = You’re booked with { $name }.
booking-booked-body = A confirmation with a calendar invitation is on its way by email. The room opens 10 minutes before the start.
booking-add-to-calendar = Add to your calendar
booking-calendar-file = Calendar file (.ics)
booking-contact = Questions before the session? Write to { $name }:
booking-reason-accepted-proposal = accepted the expert’s proposed time
booking-sign-up-to-book = New here? Create an account
booking-cancel-ask-what-operator = The session between { $expert } and { $learner } on { $when } is cancelled, for both of them.
