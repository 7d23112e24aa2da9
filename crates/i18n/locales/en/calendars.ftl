## Outside calendars: the calendars page, its errors, the failing-calendar notice, and
## the session event written to an expert's calendar.

calendars-title = Your calendars
calendars-lead = Connect the calendars you already use. Their busy times block your slots, so nobody books you when you are busy, and your confirmed sessions can appear in one of them.
calendars-experts-only = Calendars are for experts: busy times in your calendar keep learners from booking you when you are busy. Apply as an expert to connect one.
calendars-connected = Connected calendars
calendars-none = No calendar is connected yet.
calendars-kind-caldav = CalDAV
calendars-kind-ics = Subscribed feed
calendars-signed-in-as = Signed in as
calendars-health = Sync status
calendars-healthy = Working: busy times are read on schedule.
calendars-last-read = Last read { $when }
calendars-never-read = Not read yet
calendars-next-read = next read { $when }
calendars-which = Calendars
calendars-which-hint = Ticked calendars block your time. One of your calendars (not a subscribed feed) can receive your confirmed sessions.
calendars-blocks = blocks my time
calendars-receives = Receives my sessions
calendars-receives-none = No calendar receives my sessions
calendars-busy-count = { $count ->
    [one] 1 busy time ahead
   *[other] { $count } busy times ahead
}
calendars-unread-series = { $count ->
    [one] 1 repeating event could not be followed: only its first date blocks your time.
   *[other] { $count } repeating events could not be followed: only their first dates block your time.
}
calendars-keep-booking = Keep taking bookings while this calendar cannot be read
calendars-keep-booking-hint = Learners then see "calendar not checked" beside your times. Off: your times are paused until the calendar works again.
calendars-share-names = Show the learner's name in session events
calendars-save = Save calendar choices
calendars-reconnect = Reconnect with a new app password
calendars-reconnect-button = Reconnect
calendars-disconnect = Disconnect this calendar
calendars-caldav-title = Connect a CalDAV calendar
calendars-caldav-lead = iCloud, Fastmail, Nextcloud, Radicale and most other calendar services speak CalDAV. Use an app password made for Mentora, not your main password.
calendars-field-url = Server address
calendars-field-url-hint = For example https://caldav.icloud.com/ or https://caldav.fastmail.com/ — the server's address, your calendar home, or one calendar's address.
calendars-field-username = User name
calendars-field-password = App password
calendars-field-password-hint = Kept encrypted. Revoke it at your provider at any time to cut Mentora off.
calendars-connect = Connect
calendars-feed-title = Subscribe to a calendar feed
calendars-feed-lead = A read-only ICS address (Google's "secret address in iCal format", Outlook's published calendar): its events block your time; nothing is written to it.
calendars-field-feed = Feed address
calendars-subscribe = Subscribe
calendars-how-title = How fresh busy times are
calendars-how = Each calendar is read every 10 minutes, only when it changed. Before a learner holds one of your times, a calendar last read more than 2 minutes ago is read again (unless it is waiting to retry after a failure).
calendars-done-connected = Calendar connected. Its busy times now block your slots.
calendars-done-unread = Calendar connected, but it could not be read yet: the card below says why.
calendars-done-saved = Calendar choices saved.
calendars-done-reconnected = Calendar reconnected and read again.
calendars-done-disconnected = Calendar disconnected. Its busy times no longer block your slots.

calendar-url-required = Enter the calendar's address.
calendar-url-invalid = Enter an address that starts with https://, http:// or webcal://.
calendar-username-required = Enter the user name you sign in to the calendar with.
calendar-username-too-long = The user name is too long.
calendar-password-required = Enter an app password.
calendar-password-too-long = The app password is too long.
calendar-receiving-read-only = This calendar is read-only (a subscribed feed, or shared with you to read): choose one you may write to receive sessions.
calendar-error-unauthorized = The calendar server refused the user name or app password. Make a new app password and reconnect.
calendar-error-gone = The calendar is not there any more: it was deleted or moved.
calendar-error-unreadable = This address does not answer with a calendar. Check that it is the CalDAV or ICS address.
calendar-error-unreachable = The calendar server could not be reached. Mentora keeps trying.
calendar-error-refused = The calendar server refused the request.
calendar-error-no-calendars = The account has no calendar with events.
calendar-error-private-address = This address is inside a private network, which Mentora does not reach. Use the calendar's public address.
calendar-error-secret-unreadable = Mentora can no longer read the password or address it kept for this calendar. Reconnect it (for a feed: disconnect and subscribe again).
calendar-failing-paused = Until it works again, learners cannot book your times.
calendar-failing-keep = Until it works again, learners can still book your times, marked "calendar not checked".

notification-calendar-failing = A calendar of yours cannot be read: { $other }
email-calendar-failing-subject = A calendar connected to Mentora cannot be read
email-calendar-failing-body = Hello { $name },

    Mentora could not read one of your calendars: { $reason }
    { $consequence }

    Fix it on your calendars page: { $link }

error-calendar-limit-title = Too many calendars
error-calendar-limit-detail = At most { $count } calendar connections. Disconnect one first.

calendar-event-title = Mentora session
calendar-event-title-named = Mentora session with { $learner }
calendar-event-description = { $expert_time } ({ $expert_zone })
    Learner's time: { $learner_time } ({ $learner_zone })
    Join: { $join }
    Booking: { $page }

availability-calendars = Busy times from your own calendars can block your slots.
availability-calendars-link = Connect your calendars
slots-calendar-not-checked = Calendar not checked: one of this expert's calendars cannot be read right now, so a time shown may clash with something there. The expert chose to keep taking bookings.

calendars-kind-google = Google Calendar
calendars-kind-microsoft = Microsoft 365
calendars-accounts-title = Google Calendar and Microsoft 365
calendars-accounts-lead = Sign in with your account: Mentora reads when you are busy and, if you choose, writes your sessions into one of your calendars. Disconnect at any time.
calendars-connect-google = Connect Google Calendar
calendars-connect-microsoft = Connect Microsoft 365
calendars-sign-in-again = Sign in again
calendar-error-signed-out = The account no longer gives Mentora access (it was revoked or has expired). Sign in again.
calendars-sign-in-denied = You did not give Mentora access, so nothing was connected.
calendars-sign-in-failed = Signing in did not complete. Please try again.
calendars-sign-in-other-account = You signed in to another account than this connection's. To add that account, use Connect instead.
