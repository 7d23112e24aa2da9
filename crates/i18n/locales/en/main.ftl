## Shell
site-name = Mentora
site-description = Learn from verified experts in live 1:1 sessions, booked in your own time zone.
skip-to-content = Skip to content
nav-label = Main
nav-menu = Menu
nav-how-it-works = How it works
nav-for-learners = For learners
nav-for-experts = For experts
nav-trust = Why Mentora
nav-open-source = Open source
# This language's name in itself, shown in every language's switcher.
language-native-name = English
language-label = Language
footer-nav-label = Explore
footer-tagline = Live 1:1 sessions with verified experts.
footer-open-source = Mentora is open-source software you can run yourself.

## Home
home-title = Mentora — learn from verified experts, live and 1:1
home-eyebrow = Live 1:1 learning
home-headline = Learn faster with an expert who has done it before.
home-lead = Set a learning goal, find a verified expert, and book a live video session at a time that suits you — shown in your own time zone.
home-cta-learn = Start learning
home-cta-teach = Teach on Mentora
how-title = How it works
how-lead = Two sides, one simple promise: the right expert, at the right time, for a fair price.
learners-title = For learners
learners-step1-title = Find your expert
learners-step1-body = Search by specialty, language, price and rating. Every expert is checked by our team before they appear.
learners-step2-title = Book a real open slot
learners-step2-body = See true availability in your time zone. Your slot is held for you while you pay, so nobody else can take it.
learners-step3-title = Meet and keep what you learned
learners-step3-body = Join the video room from your browser, share notes and resources, and review the session afterwards.
experts-title = For experts
experts-step1-title = Apply and get verified
experts-step1-body = Tell us about your expertise and upload your credentials. We review every application and explain any decision.
experts-step2-title = Set your hours and rates
experts-step2-body = Choose your weekly availability, session lengths and prices in your currency. Connect your calendar to avoid clashes.
experts-step3-title = Get paid for every session
experts-step3-body = Learners pay up front. After each session your earnings go straight to your bank account, minus a clear commission.
trust-title = Why Mentora
trust-verified-title = Verified experts
trust-verified-body = Identity and credentials are reviewed by people, and every decision is recorded.
trust-zones-title = Right time, everywhere
trust-zones-body = Availability is calculated in the expert's zone and shown in yours, correct across daylight-saving changes.
trust-payments-title = Secure payments
trust-payments-body = Card details go straight to our payment processor. Refunds follow the policy you saw when you booked.
trust-data-title = Your data is yours
trust-data-body = Export everything we hold about you, or delete your account, at any time.
oss-title = Open source, run it yourself
oss-body = Mentora is one program. Start it on a laptop with no setup at all, or run several copies on PostgreSQL and Redis for a whole organisation.

## Home: example session card
example-caption = Example session
example-expert-initials = AO
example-expert-name = Amara Okafor
example-expert-specialty = Data engineering · English, French
example-verified = Verified
example-your-time = Your time (Madrid)
example-your-time-value = Tue 14:00–15:00
example-their-time = Amara's time (Lagos)
example-their-time-value = Tue 13:00–14:00
example-length = Session
example-length-value = 60 min video call
example-note = The room opens 10 minutes before the start. Free cancellation until 24 hours before.

## Accounts
nav-log-in = Log in
nav-sign-up = Sign up
nav-log-out = Log out
nav-outbox = Outbox
signed-in-as = Signed in as { $name }
form-error-summary = Please correct the following:
field-display-name = Your name
field-email = Email address
field-password = Password
field-password-hint = 8 to 128 characters. A long phrase is easy to remember and hard to guess.
field-email-required = Enter your email address.
field-email-invalid = Enter an email address like name@example.com.
field-password-too-short = Use at least 8 characters.
field-password-too-common = This password is one of the most common ones, so it is easy to guess. Choose another.
field-password-too-long = Use at most 128 characters.
field-name-required = Enter your name.
field-name-too-long = Use at most 100 characters.
field-name-invalid = Remove invisible control characters from your name.
signup-title = Create your account
signup-lead = Learn from verified experts. It takes a minute.
signup-submit = Create account
signup-have-account = Already have an account?
check-inbox-title = Check your inbox
check-inbox-body = If { $email } can receive mail, a message is on its way with a link to confirm the address. The link works for 24 hours.
verify-title = Confirm your email address
verify-lead = Press the button to confirm that this address is yours.
verify-submit = Confirm my email address
verify-done-title = Your email address is confirmed
verify-done-body = Thank you. You can now log in and book sessions.
verify-invalid-title = This link does not work
verify-invalid-body = It may have expired, been used already, or been copied incompletely. Log in to ask for a new one.
login-title = Log in
login-submit = Log in
login-failed = The email address or password is not right.
login-no-account = New to Mentora?
outbox-title = Outbox
outbox-lead = Email that Mentora would have sent. No SMTP server is configured, so messages are kept here instead.
outbox-empty = No email yet.
outbox-to = To
email-verify-subject = Confirm your email address for Mentora
email-verify-body =
    Hello { $name },

    Please confirm your email address by opening this link:
    { $link }

    The link works for 24 hours. If you did not sign up for Mentora, ignore this email.
email-signup-exists-subject = Someone tried to sign up with your email address
email-signup-exists-body =
    Someone tried to create a Mentora account with this email address, which already has an account.

    If it was you, log in instead: { $login_url }
    If it was not you, no action is needed; your account is unchanged.
error-forbidden-title = Not allowed
error-forbidden-detail = Your account does not have permission to do this.
error-csrf-failed-title = Form expired
error-csrf-failed-detail = This form could not be accepted because its security token is missing or out of date. Go back, reload the page and try again.

login-forgot = Forgot your password?
forgot-title = Reset your password
forgot-lead = Enter the email address of your account and we will send you a link to choose a new password.
forgot-submit = Send me a link
forgot-sent = If { $email } has a Mentora account, a link to choose a new password is on its way. It works for 30 minutes.
field-new-password = New password
reset-title = Choose a new password
reset-submit = Save new password
reset-done-title = Your password has been changed
reset-done-body = You have been logged out everywhere. Log in with your new password.
reset-invalid-body = This link may have expired (links work for 30 minutes), been used already, or been copied incompletely. Ask for a new one.
email-reset-subject = Reset your Mentora password
email-reset-body =
    Hello { $name },

    Someone asked to reset the password of your Mentora account. To choose a new password, open this link:
    { $link }

    The link works for 30 minutes. If you did not ask for this, ignore this email; your password stays the same.

security-title = Security
sessions-title = Where you are logged in
session-this-device = This device
session-end = Log out this device
session-last-seen = last active
session-unknown-device = Unknown device
log-out-everywhere = Log out everywhere
events-title = Recent security events
events-what = Event
events-when = When (UTC)
events-where = IP address
audit-account-created = Account created
audit-signup-existing-email = Someone tried to sign up with your address
audit-email-verified = Email address confirmed
audit-login-succeeded = Logged in
audit-login-failed = Failed login
audit-logout = Logged out
audit-logout-everywhere = Logged out everywhere
audit-session-ended = Another device logged out
audit-password-reset-requested = Password reset requested
audit-password-reset = Password changed with a reset link
audit-password-rehashed = Password storage upgraded

## Errors
error-status = Error { $status }
error-request-id = Request id: { $id }. Mention it if you contact support.
error-go-home = Go to the home page
error-not-found-title = Page not found
error-not-found-detail = There is nothing at this address. It may have moved, or the link may be mistyped.
error-method-not-allowed-title = Method not allowed
error-method-not-allowed-detail = This address does not accept that kind of request.
error-bad-request-title = Bad request
error-bad-request-detail = The request could not be understood: { $problem }
error-malformed-json-title = Malformed JSON
error-malformed-json-detail = The request body is not valid JSON: { $problem } (line { $line }, column { $column }).
error-invalid-body-title = Invalid request body
error-invalid-body-detail = The request body does not match what this endpoint expects: { $problem }
error-unsupported-media-type-title = Unsupported content type
error-unsupported-media-type-detail = Send the request body as { $expected }.
error-payload-too-large-title = Request too large
error-payload-too-large-detail = The request body is larger than this server accepts.
error-request-timeout-title = Request timed out
error-request-timeout-detail = The server took too long to answer. Please try again.
error-internal-title = Something went wrong
error-internal-detail = An unexpected error happened on our side. It has been logged and we will look into it.
error-storage-full-title = Storage is full
error-storage-full-detail = The server ran out of disk space, so nothing was changed. Please try again in a minute.

## Accounts: profile, second factors, limits, operators

nav-profile = Profile
nav-admin-users = Accounts
nav-admin-audit = Audit log
login-rate-limited = Too many attempts. Please try again in { $minutes } min.
field-time-zone = Time zone
field-time-zone-hint = An IANA zone such as Europe/Berlin or America/New_York. Your browser's zone is filled in for you.
field-currency = Currency
field-currency-hint = Three-letter ISO 4217 code, such as USD, EUR or INR. Prices are shown in it.
field-current-password = Current password
field-current-password-wrong = That is not your current password.
field-new-email = New email address
field-email-unavailable = This address cannot be used. Choose another one.
field-locale = Language
field-languages = Languages you speak
field-languages-hint = Two-letter ISO 639-1 codes separated by commas, such as en, es, ar.
field-learning-goals = Learning goals
field-session-length = Preferred session length
field-video-provider = Video
field-reminder-channels = Reminders by
field-avatar = Photo file
field-avatar-hint = PNG, JPEG, WebP or GIF, up to 5 MB. It is cropped to a square.
field-avatar-required = Choose an image file to upload.
field-avatar-too-large = The file is larger than 5 MB.
field-avatar-not-image = This file is not a PNG, JPEG, WebP or GIF image.
field-avatar-too-many-pixels = The image is larger than 4096 × 4096 pixels or 16 megapixels.
field-totp-code = Code from your app
field-totp-code-wrong = That code is not right. Check the time on your phone and enter the current code.
field-second-factor-code = Authentication code
field-second-factor-code-hint = The 6-digit code from your authenticator app, or one of your recovery codes.
profile-time-zone-invalid = Enter a time zone from the IANA database, such as Europe/Berlin.
profile-currency-invalid = Enter a three-letter ISO 4217 currency code, such as USD.
profile-languages-invalid = Use two-letter ISO 639-1 codes separated by commas (at most 20).
profile-learning-goals-too-long = Keep learning goals under 2,000 characters.
profile-locale-invalid = Choose one of the offered languages.
profile-session-length-invalid = Choose one of the offered session lengths.
profile-video-provider-invalid = Choose one of the offered video options.
profile-reminder-channels-invalid = Choose reminders in Mentora or by email.
profile-title = Your profile
profile-details = Details and preferences
profile-avatar = Photo
profile-avatar-current = Your current photo
profile-avatar-upload = Upload photo
profile-session-preferences = Session preferences
profile-save = Save profile
profile-email = Email address
profile-email-verified = verified
profile-email-unverified = not verified yet
profile-email-change = Change email address
profile-password = Password
profile-password-change = Change password
profile-saved-profile = Your profile is saved.
profile-saved-avatar = Your photo is updated.
profile-saved-email = Check your new inbox: we sent a link to confirm the address. Your old address has been told.
profile-saved-password = Your password is changed. Your other devices have been logged out.
minutes-count = { $count } minutes
minutes-short = { $count } min
video-provider-builtin = Mentora video room
video-provider-zoom = Zoom
video-provider-meet = Google Meet
video-provider-jitsi = Jitsi Meet
reminder-email = Email
reminder-in-app = In Mentora (notification centre)
second-factor-title = Two-step verification
second-factor-lead = Enter the code from your authenticator app to finish logging in.
second-factor-wrong = That code is not right, or it was already used. Try the current code or a recovery code.
second-factor-submit = Verify
factors-title = Two-step verification
factor-totp = Authenticator app
factor-totp-off = Not set up. Add an app such as Aegis, Google Authenticator or 1Password for a code at every login.
factor-totp-add = Set up an authenticator app
factor-added = Added
factor-last-used = last used
factor-remove = Remove
factor-recovery-codes = Recovery codes
factor-recovery-codes-left = { $count } unused recovery codes left.
factor-recovery-codes-new = Make new recovery codes
totp-enrol-title = Set up your authenticator app
totp-enrol-step-scan = Scan this QR code with your authenticator app.
totp-enrol-step-code = Enter the 6-digit code it shows.
totp-enrol-manual = Can't scan? Enter this key in the app instead:
totp-enrol-submit = Turn on two-step verification
totp-qr-label = QR code for your authenticator app
recovery-codes-title = Your recovery codes
recovery-codes-lead = Keep these somewhere safe. Each works once, in place of a code from your app, if you lose your phone. They will not be shown again.
recovery-codes-done = I have saved them
email-lockout-subject = Your Mentora account was locked after failed logins
email-lockout-body = Hello { $name },

    Someone tried to log in to your Mentora account with a wrong password several times, so logging in is paused for a while (about { $minutes } min).

    If this was you, wait and try again, or reset your password. If it was not you, your account is safe: consider turning on two-step verification.
email-address-changed-subject = Your Mentora email address was changed
email-address-changed-body = Hello { $name },

    The email address of your Mentora account was changed to { $new_email }.

    If you did not do this, reset your password now and contact support.
admin-users-title = Accounts
admin-users-search = Email or name
admin-users-search-submit = Search
admin-users-account = Account
admin-users-roles = Roles
admin-users-change = Change roles
admin-grant-expert = Make expert
admin-grant-admin = Make admin
admin-revoke-expert = Remove expert
admin-revoke-admin = Remove admin
role-learner = Learner
role-expert = Expert
role-admin = Admin
admin-audit-title = Audit log
admin-audit-kind = Event
admin-audit-from = From
admin-audit-to = To
admin-audit-filter = Filter
admin-audit-account = Account
admin-audit-actor = By
admin-audit-empty = No events match these filters.
audit-login-password-ok = Password accepted, waiting for the second step
audit-login-succeeded-api = Logged in from an app
audit-login-locked-out = Logging in paused after failed attempts
audit-second-factor-totp-ok = Authenticator code accepted
audit-second-factor-recovery-code-used = Recovery code used
audit-second-factor-failed = Wrong authentication code
audit-factor-totp-added = Authenticator app added
audit-factor-totp-removed = Authenticator app removed
audit-factor-recovery-codes-issued = New recovery codes made
audit-token-reuse-detected = A used sign-in token was presented again; that login was ended
audit-logout-api = Logged out from an app
audit-profile-updated = Profile updated
audit-profile-avatar-changed = Photo changed
audit-password-changed = Password changed
audit-email-changed = Email address changed
audit-role-granted = Role granted
audit-role-revoked = Role removed
error-unauthorized-title = Not logged in
error-unauthorized-detail = This needs a logged-in account. Send an access token in the Authorization header (Bearer).
error-token-malformed-title = Malformed token
error-token-malformed-detail = The Authorization header does not hold a well-formed bearer access token.
error-token-expired-title = Token expired
error-token-expired-detail = The access token has expired. Get a new one with your refresh token.
error-token-invalid-title = Invalid token
error-token-invalid-detail = The access token's signature or claims are not valid.
error-refresh-token-invalid-title = Invalid refresh token
error-refresh-token-invalid-detail = The refresh token is unknown, expired or revoked. Log in again.
error-refresh-token-reused-title = Refresh token reused
error-refresh-token-reused-detail = This refresh token was already used, so every token of this login has been revoked for safety. Log in again.
error-invalid-credentials-title = Wrong email or password
error-invalid-credentials-detail = The email address or password is wrong.
error-second-factor-required-title = Second factor required
error-second-factor-required-detail = This account uses two-step verification: send the code from the authenticator app (or a recovery code) as "totp".
error-second-factor-invalid-title = Wrong code
error-second-factor-invalid-detail = The authentication code is wrong or was already used.
error-rate-limited-title = Too many requests
error-rate-limited-detail = Too many attempts. Try again in { $seconds } seconds.
error-validation-failed-title = Some fields are not valid
error-validation-failed-detail = Correct the fields listed in "errors" and try again.

## Passkeys
factor-passkeys = Passkeys
factor-passkeys-lead = Log in with your fingerprint, face or screen lock instead of a password, or use a passkey as the second step.
factor-passkey-add = Add a passkey
field-passkey-name-label = Name for this passkey
passkey-default-name = My passkey
field-passkey-name = Give the passkey a name of up to 100 characters.
field-passkey-rejected = The passkey was not accepted. Try again, or use another one.
login-with-passkey = Use a passkey
second-factor-use-passkey = Use a passkey instead
audit-factor-passkey-added = Passkey added
audit-factor-passkey-removed = Passkey removed
audit-login-passkey = Logged in with a passkey
audit-second-factor-passkey-ok = Passkey accepted as the second step
error-passkeys-unavailable-title = Passkeys are not available here
error-passkeys-unavailable-detail = Passkeys work only when Mentora is reached by its name, not at { $origin }. Open it at its name (for example http://localhost) and try again.

profile-email-resend = Send the confirmation link again
profile-saved-verification = We sent a new confirmation link. Check your inbox.
session-signed-in = signed in
audit-email-verification-resent = Confirmation link sent again

nav-admin-jobs = Jobs
jobs-title = Jobs
jobs-lead = Work Mentora does in the background: emails, releasing lapsed holds, upkeep. A failed job is retried with growing waits; after its last attempt it is dead until you retry it.
jobs-depth = Queue by kind
jobs-depth-empty = Nothing waiting, running or dead.
jobs-oldest = since
jobs-filter = Show jobs
jobs-unfinished = Not finished
jobs-status-queued = Waiting
jobs-status-running = Running
jobs-status-failed = Failed, will retry
jobs-status-succeeded = Done
jobs-status-dead = Dead
jobs-empty = No jobs here.
jobs-attempts = Attempts
jobs-run-at = Runs at
jobs-updated-at = Last change
jobs-id = Job
jobs-last-error = Last error:
jobs-retry = Retry
jobs-discard = Discard
error-job-state-title = Not possible for this job now
error-job-state-detail = The job is { $status }: only failed or dead jobs can be retried, and only waiting or failed ones discarded.

test-clock-banner = Test mode: the simulated time is { $now }.
test-clock-banner-link = Test clock
test-clock-title = Test clock
test-clock-lead = In the test-mode sandbox, move the time forward to watch a hold expire, a reminder fire or a session end without waiting. Jobs that fall due run at once. The time never goes back.
test-clock-simulated = Simulated now
test-clock-real = Real now
test-clock-ahead = Ahead by
test-clock-ahead-value = { $days } d { $hours } h { $minutes } min
test-clock-advance = Move forward
test-clock-preset-11m = 11 minutes
test-clock-preset-1h = 1 hour
test-clock-preset-1d = 1 day
test-clock-preset-1w = 1 week
test-clock-advance-by = Move forward by
test-clock-advance-hint = Such as 90m, 2h 30m or 48h.
test-clock-set-to = Or move to
test-clock-set-hint = A time later than the simulated now, such as 2026-12-24T09:00:00Z.
test-clock-move = Move the clock
test-clock-advance-invalid = Write a length of time such as 90m, 2h 30m or 48h.
test-clock-set-invalid = Write a time such as 2026-12-24T09:00:00Z.
test-clock-one-move = Give either a length of time to move forward by or a time to move to, not both.
test-clock-forward-only = The clock only moves forward: choose a later time.
test-clock-too-far = One move goes at most a year ahead.
test-clock-past-limit = The simulated time runs at most ten years ahead in all; it is already close to that.

## The API documentation page
api-docs-title = Mentora API
api-docs-lead = Every endpoint under /api/v1, described from the code. Log in with POST /api/v1/auth/login, then press “Authorize” and paste the access token to try requests as yourself.
api-docs-noscript = The interactive reference needs JavaScript; the document itself, linked above, is plain JSON.
api-docs-reference = Reference
test-mode-banner = Test mode: payments are simulated and no real money moves.
commission-bps-invalid = Enter a rate in basis points from 0 to 10000 (1500 is 15 %), or nothing for the platform's rate.
payments-title = Payments
payments-lead = Find a paid booking and refund it with a reason, follow transfers to experts and chargebacks, read the commission report and the ledger's trial balance.
payments-at = As of
payments-at-hint = An instant such as 2026-12-31T23:59:59Z; now by default.
payments-show = Show
payments-empty = No money has moved yet.
payments-balanced = Balanced: the accounts add up to zero.
payments-unbalanced = Not balanced: the accounts do not add up to zero. Check the ledger before any payout.
payments-account = Account
payments-balance = Balance
nav-admin-payments = Payments
payments-at-invalid = Not a time that can be read: write it like 2026-12-31T23:59:59Z.
admin-role-ask-grant-title = Give { $name } the role “{ $role }”?
admin-role-ask-revoke-title = Take the role “{ $role }” from { $name }?
admin-role-ask-grant = { $name } ({ $email }) gets the role “{ $role }” at once, on every device they use.
admin-role-ask-revoke = { $name } ({ $email }) loses the role “{ $role }” at once, on every device they use.
admin-role-allows-admin = Administrators verify experts, change anyone’s roles, refund payments and read the audit log.
admin-role-allows-expert = Experts have a public profile, set their hours and prices, and are paid for their sessions.
admin-role-keep = Leave the roles as they are
opens-in-new-tab = (opens in a new tab)
verify-continue = Continue
verify-continue-where = Back to where you were
verify-log-in-where = Log in and go back to where you were
