# Refusals that protect accounts and money: unknown hosts, holds, proposals, uploads.
error-host-unknown-title = Unknown site address
error-host-unknown-detail = This request named a host Mentora does not serve. Open Mentora at its own address and try again.
error-token-revoked-title = This login has ended
error-token-revoked-detail = The access token belongs to a login that was ended (logged out, password changed or permissions changed). Log in again.
field-password-weak = This password is too easy to guess. Use three or four uncommon words together; no symbols or digits are needed.
field-password-weak-keyboard = Rows and patterns of keys are easy to guess. Use three or four uncommon words together instead.
field-password-weak-repeats = Repeated characters or words are easy to guess. Use three or four different uncommon words.
field-password-weak-sequence = Sequences like abc or 6543 are easy to guess. Use three or four uncommon words together instead.
field-password-weak-common = This is one of the commonly used passwords, or close to one. Use three or four uncommon words together.
field-password-weak-dates = Dates and years are easy to guess. Avoid them, and add another uncommon word or two.
field-password-weak-personal = Your own name, your email address or a single word are easy to guess. Add two or three uncommon words.
field-password-weak-names = Names and surnames are easy to guess. Add two or three uncommon words.
error-hold-limit-title = Too many unpaid holds
error-hold-limit-detail = You already hold { $count } times you have not paid for. Pay for one, or let it lapse, before holding another.
error-reschedule-limit-title = This session cannot be moved again
error-reschedule-limit-detail = It was moved { $count } times already. Cancel it instead, by the expert's policy.
error-proposal-expired-title = The proposed time has expired
error-proposal-expired-detail = The expert's proposal could be accepted only until the session's start.
error-no-show-too-early-title = Too early to report a no-show
error-no-show-too-early-detail = Experts may be a little late: a missing expert can be reported from { $minutes } minutes after the start.
error-dispute-window-closed-title = Too late to dispute
error-dispute-window-closed-detail = A session's outcome can be disputed for { $hours } hours after it was recorded; after that it stands. Write to support if something went wrong.
error-settled-by-attendance-title = Attendance settles this session
error-settled-by-attendance-detail = The room reports who came, so the session settles by itself when the room closes. If it cannot tell, an operator decides.
error-own-application-title = Not your own application
error-own-application-detail = Another operator must decide on your own expert application.
booking-confirm-email-first = Confirm your email address to book: open the link we sent you, then come back to this page. This time stays free for others until you hold it.
booking-confirm-email-resend = Send the confirmation link again
email-booking-no-show-claim-subject = A missed session was reported
email-booking-no-show-claim-body = Hello { $name },

    the session of { $when } between you and { $other } was reported as missed by the expert. Nothing is refunded yet: the expert can answer, and a Mentora operator settles it from what both sides say.

    Details: { $link }
booking-settlement-required = Say how the dispute is settled: refund the learner, or the session stands.
error-control-character-title = A character no text may hold
error-control-character-detail = The request contains a NUL character (U+0000) or, in its address, another control character. No text field accepts them; remove it and send again.
error-login-locked-title = Logging in is paused for this address
error-login-locked-detail = Several wrong passwords were tried for this address. Try again in { $seconds } seconds, log in from a device you have used before, or use the one-time sign-in link we emailed to the address.
login-locked = Several wrong passwords were tried for this address, so logging in here is paused (try again in { $minutes } min). If the address has an account, we have emailed it a one-time sign-in link: open it to log in now. On a device you have logged in from before, your password still works.
email-sign-in-link-subject = Your one-time Mentora sign-in link
email-sign-in-link-body =
    Hello { $name },

    Logging in to your Mentora account with a password is paused for a while, because several wrong passwords were tried. To log in now, open this link:
    { $link }

    It works once, for { $minutes } minutes, and only you receive it. If you did not try to log in, you need do nothing: your password was not guessed. Consider changing it or turning on two-step verification.
sign-in-link-title = Log in with your link
sign-in-link-lead = Press the button to log in as { $address }. The link then stops working. If this is not your address, close this page.
sign-in-link-submit = Log in
sign-in-link-invalid-title = This sign-in link does not work
sign-in-link-invalid-body = It may have expired, been used already, or been copied incompletely. Try logging in again to receive a new one.
