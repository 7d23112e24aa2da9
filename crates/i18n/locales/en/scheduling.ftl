# Scheduling: availability rules, the editor, free slots and the slot picker.

nav-availability = Availability

## Errors
error-expert-profile-required-title = Set up your expert profile first
error-expert-profile-required-detail = Availability belongs to an expert profile. Start your application at /experts/apply, then set your hours.
error-time-zone-unknown-title = Unknown time zone
error-time-zone-unknown-detail = “{ $zone }” is not a time zone we know. Use an IANA name such as Europe/Madrid or America/New_York.
error-duration-not-offered-title = Session length not offered
error-duration-not-offered-detail = This expert does not offer { $minutes }-minute sessions. The response of the slots endpoint lists the lengths they offer.
error-slot-window-invalid-title = Invalid time window
error-slot-window-invalid-detail = The window is not valid ({ $part }): give from and to as RFC 3339 instants or dates, with to after from.
error-slot-window-too-large-title = Time window too large
error-slot-window-too-large-detail = Ask for at most { $days } days of slots at a time.

## Validation
availability-zone-invalid = Choose a time zone by its IANA name, such as Europe/Madrid.
availability-weekday-invalid = Weekdays are mon, tue, wed, thu, fri, sat and sun.
availability-time-invalid = Write times as HH:MM, such as 09:00, and give both a start and an end.
availability-interval-order = Each end must be after its start (24:00 is the latest end).
availability-interval-overlap = These hours overlap; make each interval end before the next one starts.
availability-too-many-intervals = At most 10 intervals a day.
availability-date-invalid = Write dates as YYYY-MM-DD.
availability-date-repeated = Each date can have only one override.
availability-too-many-overrides = At most 400 dated overrides.
availability-time-off-invalid = Give time off as a start and an end date and time.
availability-time-off-order = Time off must end after it starts, and last at most a year.
availability-too-many-time-off = At most 500 periods of time off.
availability-buffer-invalid = Buffers are whole minutes from 0 to 240.
availability-notice-invalid = Minimum notice is whole minutes from 0 to 43200 (30 days).
availability-horizon-invalid = The booking horizon is 1 to 365 days.
availability-durations-empty = Offer at least one session length.
availability-duration-invalid = Offer at most 6 session lengths.
availability-duration-no-rate = Every session length you offer needs a price in your application first.
availability-step-invalid = Slots start every 5 to 240 minutes, in multiples of 5.
availability-cap-invalid = The daily limit is 1 to 48 sessions, or empty for no limit.

## The editor
availability-title = Your availability
availability-intro = Set the hours learners can book, in your own time zone. Learners see them converted to theirs.
availability-saved = Availability saved. Learners see the change right away.
availability-no-profile = Availability belongs to an expert profile. Start your application first.
availability-start-application = Start your application
availability-zone = Your time zone
availability-zone-hint = An IANA name, such as Europe/Madrid. Every time on this page is in this zone.
availability-weekly = Weekly hours
availability-weekly-hint = Switch on the days you work and give their hours; a day can have several intervals. End at 00:00 to work until midnight.
availability-from = From
availability-to = To
availability-row = { $day }, interval { $n }
availability-not-saved = Changed, not saved yet: press “Save availability” to keep it.
availability-day-bookable = Bookable
availability-day-unavailable = Unavailable: learners cannot book this day.
availability-remove = Remove
availability-remove-row = Remove { $row }
availability-add = Add an interval
availability-copy = Copy to other days
availability-copy-to = Copy the hours of { $day } to
availability-copy-button = Copy the hours of { $day }
availability-row-time-invalid = { $day }, interval { $n }: give both a start and an end time.
availability-row-order = { $day }, interval { $n } ({ $from }–{ $to }): the end must be after the start. End at 00:00 to work until midnight.
availability-row-overlap = { $day }, interval { $n } ({ $from }–{ $to }) overlaps interval { $other }: make each interval end before the next one starts.
availability-row-too-many = { $day }: at most { $most } intervals a day.
availability-overrides = Date overrides
availability-overrides-hint = Replace a date's hours, such as "10:00-13:00, 15:00-18:00"; leave the hours empty to close the day. Clear the date to remove an override.
availability-override-date = Date
availability-override-hours = Hours that day
availability-time-off = Time off
availability-time-off-hint = Nothing can be booked between these dates and times.
availability-time-off-from = Starts
availability-time-off-to = Ends
availability-settings = Booking settings
availability-buffer-before = Free time before each session (minutes)
availability-buffer-after = Free time after each session (minutes)
availability-notice = Minimum notice (minutes)
availability-notice-hint = Learners cannot book sooner than this. 240 minutes is 4 hours.
availability-horizon = How far ahead learners can book (days)
availability-horizon-hint = Starts run through the end of the last day, in your time zone: 60 days booked on 1 March runs through 30 April.
availability-align = Offer a start right when a session or busy time ends
availability-align-hint = Off: starts stay on your grid (a 15-minute session at 10:00 leaves the next start at 10:30). On: the next start follows the end (10:15), plus your free time before each session.
availability-durations = Session lengths offered
availability-durations-hint = Only lengths with a price in your application can be offered.
availability-step = A slot starts every
availability-cap = Most sessions in one day
availability-cap-hint = Leave empty for no limit.
availability-minutes = { $minutes } minutes
availability-save = Save availability
availability-preview = The next 14 days, as learners will see them
availability-preview-hint = { $minutes }-minute sessions, shown in your time zone ({ $zone }).
availability-preview-unlisted = Learners see these once your profile is published.
availability-preview-empty = No free times in the next 14 days.
availability-preview-none = Save your hours to see a preview.

## Weekdays
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

## The slot picker
slots-title = Book a session
slots-zone = Times shown in
slots-zone-hint = A city or time zone, such as Berlin or America/New_York: pick one from the list.
slots-zone-invalid = “{ $zone }” is not a city or time zone we know: pick one from the list.
slots-part-morning = Morning
slots-part-afternoon = Afternoon
slots-part-evening = Evening
slots-day-free = { $date }: free times
slots-day-free-shown = { $date }: free times, shown below
slots-previous-month = Previous month
slots-next-month = Next month
slots-month-hint = Days with free times are links: pick one to see the week from that day. In the calendar, the arrow keys move between them.
slots-chosen = Your session:
slots-duration = Session length
slots-show = Show times
slots-week = { $from } to { $to }
slots-previous-week = Previous week
slots-next-week = Next week
slots-none-day = No free times
slots-none-week = No free times this week. Try the next week.
slots-no-hours = This expert has not published their hours yet.
slots-slot-label = { $date }, { $time } ({ $zone }), { $minutes } minutes
slots-clock-change = Clocks change in { $zone } on { $date }: { $before } becomes { $after }. Times around it are shown as the clocks will read.
slots-expert-zone = The expert works in { $zone }.
slots-book-soon = This time is free now. Booking and payment open soon.

## The chosen slot
slot-review-title = Your session
slot-review-your-time = Your time
slot-review-expert-time = The expert's time
slot-review-length = Length
slot-review-price = Price
slot-review-gone = This time is no longer free. Pick another.
slot-review-back = Back to the times

## The overrides calendar
availability-calendar-hint = Pick a date to give it other hours or close it; it is added to the rows below.
availability-day-open = Usual hours
availability-day-special = Other hours
availability-day-closed = Closed
availability-day-time-off = Time off
availability-day-none = No hours
availability-day-link = { $date }: { $state }. Set other hours for this date.
weekday-short-mon = Mon
weekday-short-tue = Tue
weekday-short-wed = Wed
weekday-short-thu = Thu
weekday-short-fri = Fri
weekday-short-sat = Sat
weekday-short-sun = Sun
