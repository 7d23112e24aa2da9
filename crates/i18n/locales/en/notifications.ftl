## The notification centre, its settings, unsubscribing, and live updates.

nav-notifications = Notifications
nav-notifications-label = Notifications, { $count } unread
notifications-new-live = You have a new notification.
notifications-title = Notifications
notifications-settings-link = Notification settings
notifications-unread = Unread: { $count }
notifications-empty = Nothing yet. Bookings, reminders and payouts will show up here.
notifications-read-all = Mark all as read
notifications-new = New
notifications-open = Open
notifications-pages = More notifications
notifications-newer = Newer
notifications-older = Older
notifications-settings-title = Notification settings
notifications-settings-lead = Choose how Mentora tells you about each kind of news: here in Mentora, by email, or both.
notifications-settings-saved = Your notification settings are saved.
notifications-settings-save = Save settings
notifications-channel-in-app = In Mentora
notifications-channel-email = By email
notifications-essential-note = Some email always comes, whatever you choose: security alerts, decisions on your expert profile, and confirmations, moves, cancellations, refunds, payouts and chargebacks of sessions.
notifications-topic-unknown = Unknown topic: use bookings, reminders, reviews, payouts, applications or security.
notifications-topic-bookings = Bookings
notifications-topic-bookings-hint = Holds, confirmations, moves, proposals and cancellations.
notifications-topic-reminders = Reminders
notifications-topic-reminders-hint = A day and an hour before each session.
notifications-topic-reviews = Reviews
notifications-topic-reviews-hint = After a session, asking how it went.
notifications-topic-payouts = Payouts
notifications-topic-payouts-hint = Money paid to you as an expert, and chargebacks.
notifications-topic-applications = Expert profile
notifications-topic-applications-hint = Decisions on your application, suspension and reinstatement.
notifications-topic-security = Security
notifications-topic-security-hint = Lockouts and changes to your sign-in address.
unsubscribe-title = Unsubscribe
unsubscribe-ask = Stop emails about { $topic }? You will still see them in Mentora.
unsubscribe-confirm = Stop these emails
unsubscribe-done = Done: no more emails about { $topic }.
unsubscribe-settings = All notification settings
unsubscribe-invalid = This unsubscribe link is not valid. Sign in and open your notification settings instead.
email-unsubscribe-link = Stop these emails
slots-taken-live = Someone else just took a time you were looking at; the times shown are still free.
booking-changed-live = This booking just changed.

notification-security-alert = A security event on your account: a lockout or a change of address. Check your sign-ins.
notification-application-decided = There is a decision on your expert profile.
notification-booking-held = { $other } is booking your time on { $when } and paying now.
notification-booking-confirmed = Your session with { $other } on { $when } is confirmed.
notification-booking-rescheduled = Your session with { $other } moved to { $when }.
notification-booking-cancelled = Your session with { $other } on { $when } was cancelled. Refund: { $refund }.
notification-booking-late-refund = A payment for { $when } arrived after the hold ran out and the time was taken: { $refund } was refunded.
notification-proposal-made = { $other } proposes to move your session to { $when }.
notification-proposal-accepted = { $other } accepted the time you proposed: { $when }.
notification-proposal-declined = { $other } kept the original time: { $when }.
notification-no-show-claimed = { $other } says the session on { $when } did not take place; an operator will decide.
notification-reminder-24h = Reminder: your session with { $other } is tomorrow, { $when }.
notification-reminder-1h = Your session with { $other } starts in an hour, at { $when }.
notification-review-request = How was your session with { $other }? Tell others what you learned.
notification-review-received = { $other } reviewed your session of { $when }. You can reply once, on the session's page.
notification-paid-out = Your share of the session on { $when } was paid out: { $refund }.
notification-dispute-opened = The learner's bank disputed the payment for { $when }; your share is held until it ends.

email-booking-proposal-accepted-subject = Your proposed time was accepted
email-booking-proposal-accepted-body =
    Hello { $name },

    { $other } accepted the time you proposed. The session is now on { $when }.

    Details: { $link }
email-booking-proposal-declined-subject = Your proposed time was declined
email-booking-proposal-declined-body =
    Hello { $name },

    { $other } kept the original time. The session stays on { $when }.

    Details: { $link }
email-booking-reminder-24h-subject = Tomorrow: your Mentora session
email-booking-reminder-24h-body =
    Hello { $name },

    A reminder: your session with { $other } is tomorrow, { $when }.

    Details and changes: { $link }

    Join the session: { $room }
    Trouble with camera or microphone? { $help }
email-booking-reminder-1h-subject = In an hour: your Mentora session
email-booking-reminder-1h-body =
    Hello { $name },

    Your session with { $other } starts in an hour, at { $when }.

    Details: { $link }

    Join the session: { $room }
    Trouble with camera or microphone? { $help }
email-booking-review-request-subject = How was your session?
email-booking-review-request-body =
    Hello { $name },

    How was your session with { $other } on { $when }? A few words help other learners choose.

    Your session: { $link }
email-booking-review-received-subject = You have a new review
email-booking-review-received-body =
    Hello { $name },

    { $other } reviewed your session of { $when }. Read it, and reply once if you like: your reply appears under the review on your profile.

    The session: { $link }
