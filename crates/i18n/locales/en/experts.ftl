# Experts: applications, verification, payouts, the directory and public profiles.

nav-find-expert = Find an expert
nav-expert-application = Teach on Mentora
nav-admin-experts = Verification
test-mode-label = Test mode.

## Directory
directory-title = Find an expert
directory-description = Verified experts for live 1:1 sessions, in your language and your time zone.
directory-filters = Filter experts
directory-search = Search by name, topic or skill
directory-specialty = Specialty
directory-any = Any
directory-language = Language they speak
directory-language-hint = Type a language by its name, such as English or Español.
directory-price = Price per hour ({ $currency })
directory-price-min = From
directory-price-max = To
directory-currency = Show prices in
directory-rating = Rating
directory-rating-at-least = { $stars } stars or more
directory-available = Available in the next 7 days
directory-sort = Sort by
directory-sort-relevance = Best match
directory-sort-rating = Best rated
directory-sort-price = Lowest price
directory-sort-soonest = Soonest available
directory-apply = Show experts
directory-results = Results
directory-empty = No expert matches these filters yet. Try fewer filters or other words.
directory-more = More experts
directory-language-invalid = Choose a language from the list, by its name (Español) or in English (Spanish).
directory-price-invalid = Enter a price as a number, such as 40 or 39.50.
directory-price-currency-unsupported = Prices cannot be estimated in this currency yet; choose another currency to filter by price.
directory-price-range = The highest price must not be below the lowest.
directory-rating-invalid = Choose a rating from 0 to 5.
directory-sort-invalid = Choose one of the offered orders.
directory-cursor-invalid = This page link is broken; start the search again.
directory-limit-invalid = Ask for 1 to 50 results per page.

## Cards and profiles
expert-verified = Verified
expert-verified-since = Verified since { $date }
expert-price-estimate = ≈ { $price } (estimate)
expert-estimate-note = Estimates use reference exchange rates. You are charged in { $currency }, the expert's currency.
expert-no-reviews = No reviews yet
expert-rating-summary = { $average } out of 5 ({ $count ->
    [one] 1 review
   *[other] { $count } reviews
})
expert-about = About
expert-intro-video = Watch the introduction video
expert-choose-time = Choose a time
expert-intro-video-player = { $name }'s introduction video ({ $provider })
expert-intro-video-on = Watch it on { $provider }
expert-rates = Sessions and prices
expert-rate-duration = { $minutes } minutes
expert-rating = Rating
expert-specialties = Specialties
expert-languages = Languages
expert-photo-of = Photo of { $name }
expert-preview-notice = Preview: learners cannot see this profile until it is verified, payouts are set up and it is not suspended.
expert-suspended = Suspended

## Application
expert-apply-title = Your expert application
expert-apply-intro = Tell learners what you teach. Your application is saved as a draft until you send it for review; a verifier checks your documents and answers with a reason.
expert-status = Application status
expert-status-none = Not started
expert-status-draft = Draft: only you can see it.
expert-status-submitted = Submitted: a verifier will review it.
expert-status-changes-requested = Changes requested: edit your application and submit it again.
expert-status-approved = Approved
expert-status-rejected = Not approved
expert-status-invalid = Choose one of the application statuses.
expert-reason = Verifier's note:
expert-suspended-notice = Your profile is suspended: learners cannot find or book you. Existing sessions stay booked.
expert-view-public-profile = See your public profile
expert-verify-email-first = Confirm your email address before applying. The link is in your inbox; you can send it again from your profile.
expert-field-headline = Headline
expert-field-headline-hint = One line learners see first, such as "Rust mentor for backend engineers".
expert-field-bio = About you
expert-field-bio-hint = Markdown: **bold**, _italic_, lists and links. Up to 5,000 characters.
expert-field-specialties = Specialties (up to 10)
expert-field-languages = Languages you teach in
expert-field-rates = Prices per session
expert-field-rates-hint = Leave a length empty to not offer it. All prices are in one currency.
expert-field-video = Introduction video (optional)
expert-field-video-hint = An https link, such as a YouTube or Vimeo video.
expert-photo-hint = Your profile photo is shown to learners.
expert-save-draft = Save draft
expert-save-profile = Save profile
expert-submit = Submit for review
expert-submit-hint = A complete application has a headline, an about text, a specialty, a language, a price and an identity document.
expert-saved-draft = Your application is saved.
expert-saved-submitted = Your application is submitted. We will email you the verifier's answer.
expert-saved-document = Your document is uploaded.
expert-saved-removed = The document is removed.
expert-saved-payouts = Your payout details are updated.
expert-headline-required = Add a headline.
expert-headline-too-long = Keep the headline under 120 characters.
expert-headline-invalid = The headline cannot contain control characters.
expert-bio-required = Tell learners about yourself.
expert-bio-too-long = Keep the about text under 5,000 characters.
expert-specialties-required = Choose at least one specialty.
expert-specialties-too-many = Choose at most 10 specialties.
expert-specialty-unknown = Choose specialties from the list.
expert-languages-required = Name at least one language you teach in.
expert-rates-required = Set a price for at least one session length.
expert-rate-not-positive = Enter a price above zero.
expert-rate-too-high = This price is above 5,000 US dollars per session. Check for an extra zero.
expert-rate-not-a-number = Enter a price as a number, such as 45 or 45.50.
expert-rate-too-many-decimals = This currency has fewer decimal places.
expert-rate-duration-invalid = Offer sessions of 30, 45, 60, 90 or 120 minutes.
expert-rate-duration-repeated = Give each session length one price.
expert-rate-currency-mixed = All prices must be in the application's currency.
expert-video-url-invalid = Use an https link to the video.
expert-identity-document-required = Upload an identity document (passport, identity card or driving licence).

## Documents
expert-documents = Verification documents
expert-documents-hint = Only you and our verifiers can open these files. Documents of a rejected application are deleted after the retention period.
expert-document-file = File
expert-document-kind = Kind
expert-document-kind-identity = Identity document
expert-document-kind-credential = Credential or certificate
expert-document-size = Size
expert-document-actions = Actions
expert-document-remove = Remove
expert-document-remove-named = Remove { $name }
expert-document-upload = Upload document
expert-document-hint = PDF, JPEG or PNG, up to 10 MB.
expert-document-required = Choose a file to upload.
expert-document-too-large = The file is larger than 10 MB.
expert-document-type = This file is not a PDF, JPEG or PNG (checked by its content, whatever its name).
expert-document-kind-invalid = Choose what kind of document this is.
expert-document-too-many = An application holds at most 10 documents; remove one first.

## Payouts
payouts-title = Payouts
payouts-test-mode-note = No real money moves: this installation has no payment provider configured.
payouts-ready = Payouts are set up: learners can book you.
payouts-not-ready = Set up payouts so learners can book and pay you.
payouts-requirements = Still needed by the payment provider:
payouts-start = Set up payouts
payouts-continue = Continue payout setup
payouts-sandbox-title = Set up payouts (test mode)
payouts-sandbox-body = This stands in for the payment provider's onboarding for { $email }. Finishing it marks your test account as able to take payments and receive payouts.
payouts-sandbox-complete = Finish test onboarding

## Verifiers
admin-experts-title = Expert verification
admin-experts-by-status = Applications by status
admin-experts-empty = No applications here.
admin-experts-applicant = Applicant
admin-experts-waiting = Waiting
admin-experts-back = Back to the queue
admin-experts-history = Decisions so far
admin-experts-decide = Decision
admin-experts-reason = Reason (the applicant sees it and gets it by email)
admin-experts-reason-hint = Say what was checked, or exactly what to change.
admin-experts-record-decision = Record decision
admin-experts-suspend = Suspend expert
admin-experts-reinstate = Reinstate expert
admin-experts-suspend-reason = Reason for suspending (the expert is told)
admin-experts-reinstate-reason = Reason for reinstating (the expert is told)
admin-experts-suspend-hint = A suspended expert is hidden from search; sessions already booked stay booked.
admin-experts-saved-decision = The decision is recorded and the applicant is emailed.
admin-experts-saved-suspension = Done. The expert is emailed.
expert-decision-approve = Approve
expert-decision-reject = Reject
expert-decision-request-changes = Request changes
expert-decision-invalid = Choose approve, request changes or reject.
expert-reason-required = Write a reason of at least 3 characters.
expert-reason-too-long = Keep the reason under 2,000 characters.
age-days = { $count } days
age-hours = { $count } hours
age-minutes = { $count } minutes
admin-specialties-title = Specialties
admin-specialties-category = Category
admin-specialties-name = New specialty
admin-specialties-add = Add specialty
admin-specialties-rename = Rename
admin-specialties-rename-named = New name for { $name }
specialty-name-invalid = Use 2 to 80 characters for the name.
specialty-exists = A specialty with this name exists already.
specialty-category-unknown = Choose one of the categories.

## Email
email-expert-approve-subject = You are a verified Mentora expert
email-expert-approve-body = Hello { $name },

    your expert application is approved. Note from the verifier: { $reason }

    Next, set up payouts so learners can book you: { $link }
email-expert-reject-subject = About your Mentora expert application
email-expert-reject-body = Hello { $name },

    we cannot approve your expert application. The verifier's reason: { $reason }

    Your application: { $link }
email-expert-request-changes-subject = Changes requested on your Mentora expert application
email-expert-request-changes-body = Hello { $name },

    a verifier asks for changes before approving your application: { $reason }

    Edit it and submit it again: { $link }
email-expert-suspended-subject = Your Mentora expert profile is suspended
email-expert-suspended-body = Hello { $name },

    your expert profile is suspended and hidden from search. Sessions already booked stay booked. Reason: { $reason }
email-expert-reinstated-subject = Your Mentora expert profile is back
email-expert-reinstated-body = Hello { $name },

    your expert profile is visible again. Note: { $reason }

## Errors
error-email-unverified-title = Confirm your email address first
error-email-unverified-detail = This needs a confirmed email address. Use the link we emailed you, or send it again from your profile.
error-application-exists-title = You have applied already
error-application-exists-detail = An expert application exists for this account; change it instead of starting another.
error-application-state-title = Not possible at this stage
error-application-state-detail = The application is { $status }, which does not allow this.
error-payment-provider-unavailable-title = The payment provider did not answer
error-payment-provider-unavailable-detail = We could not reach the payment provider. Nothing was changed; try again in a moment.
error-webhook-invalid-title = Webhook refused
error-webhook-invalid-detail = The delivery was not accepted: { $problem }
admin-suspend-ask-title = Suspend { $name }?
admin-suspend-ask-what = { $name } leaves the directory at once, and their upcoming sessions are cancelled and refunded in full.
admin-suspend-ask-reason = They are emailed your reason: { $reason }
admin-suspend-keep = Don’t suspend
expert-document-ask-title = Remove { $file }?
expert-document-ask-what = The file is deleted for good; upload it again if you need it.
expert-document-keep = Keep the file
expert-document-remove-yes = Yes, remove it
admin-review-status-none = Not started
admin-review-status-draft = Draft: the applicant has not submitted it yet
admin-review-status-submitted = Submitted: waiting for a verifier’s decision
admin-review-status-changes-requested = Changes requested: waiting for the applicant
admin-review-status-approved = Approved
admin-review-status-rejected = Not approved
admin-review-field-bio = About the applicant
admin-review-field-specialties = Specialties
admin-review-field-languages = Teaches in
admin-review-field-rates = Prices per session
admin-review-field-video = Introduction video
admin-audit-erased = Erased account
audit-calendar-chosen = Calendars chosen
audit-calendar-connected = Calendar connected
audit-calendar-disconnected = Calendar disconnected
audit-calendar-reconnected = Calendar reconnected
audit-expert-application-saved = Expert application saved
audit-expert-application-submitted = Expert application submitted
audit-expert-approved = Expert approved
audit-expert-changes-requested = Changes requested of an applicant
audit-expert-document-removed = Verification document removed
audit-expert-document-uploaded = Verification document uploaded
audit-expert-reinstated = Expert reinstated
audit-expert-rejected = Expert application not approved
audit-expert-suspended = Expert suspended
audit-job-discarded = Background job discarded
audit-job-retried = Background job retried
audit-login-link-sent = Sign-in link sent
audit-login-link-used = Signed in with an emailed link
audit-payments-commission-set = Commission changed
audit-payments-rate-set = Exchange rate set
audit-payments-refunded = Payment refunded
audit-payouts-account-updated = Payout account updated
audit-payouts-onboarding-started = Payout set-up started
audit-payouts-sandbox-completed = Payout set-up completed (test mode)
audit-review-hidden = Review hidden
audit-review-reports-cleared = Review kept, reports read
audit-review-restored = Review shown again
audit-taxonomy-specialty-added = Specialty added
audit-taxonomy-specialty-renamed = Specialty renamed
audit-test-clock-moved = Test clock moved
directory-next-free = Next free: { $when } ({ $zone })
