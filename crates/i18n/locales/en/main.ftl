## Shell
site-name = Mentora
site-description = Learn from verified experts in live 1:1 sessions, booked in your own time zone.
skip-to-content = Skip to content
nav-label = Main
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
