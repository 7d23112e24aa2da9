# The learning record: reviews, session notes and resources, goals and the timeline, NPS.
nav-my-learning = My learning
nav-admin-reviews = Reviews
nav-admin-kpis = Key figures

## Reviews on a booking page
review-title = Your review
review-lead = How was your session with { $expert }? Your review is public on their profile, with your first name only.
review-rating = Overall
review-stars = { $stars ->
    [one] 1 star
   *[other] { $stars } stars
}
review-stars-of-five = { $stars } out of 5
review-aspects = Details (optional)
review-clarity = Clarity
review-preparation = Preparation
review-punctuality = Punctuality
review-aspect-none = Not rated
review-body = Your review (optional)
review-body-hint = What did you learn? What would you tell someone choosing this expert?
review-publish = Publish review
review-save-changes = Save changes
review-editable-until = You can change your review until { $until }.
review-edited = edited
review-published = Your review is published.
review-window-closed = Sessions can be reviewed for 30 days after they end.
review-none-yet = { $learner } has not reviewed this session yet.
review-learner-said = { $learner }'s review
review-reply = Reply publicly
review-reply-hint = Your reply appears under the review on your profile. You can reply once.
review-reply-publish = Publish reply
review-reply-from = Reply from { $expert }
review-hidden-note = An operator hid this review: { $reason }

## Reviews on a profile
reviews-title = Reviews
reviews-average = { $average } out of 5
reviews-count = { $count ->
    [one] 1 review
   *[other] { $count } reviews
}
reviews-none = No reviews yet.
reviews-distribution = How ratings spread
reviews-share = { $stars } stars: { $percent }%
reviews-sort = Order
reviews-sort-newest = Newest
reviews-sort-helpful = Most helpful
reviews-helpful = Helpful ({ $count })
reviews-helpful-marked = You found this helpful ({ $count })
reviews-report = Report this review
reviews-report-reason = Why should an operator look at it?
reviews-report-send = Send report
reviews-reported = Thank you. An operator will look at this review.
reviews-more = More reviews
reviews-sign-in-to-act = Log in to mark reviews helpful or report them.

## Field errors
review-rating-invalid = Choose from one to five stars.
review-aspect-invalid = Rate this from one to five stars, or leave it unrated.
review-body-too-long = Keep your review under 4,000 characters.
review-reply-required = Write your reply.
review-reply-too-long = Keep your reply under 4,000 characters.
review-reason-required = Say why.
review-reason-too-long = Keep the reason under 500 characters.
review-already-hidden = This review is already hidden.
review-not-hidden = This review is not hidden.

## Session notes and resources
notes-title = Session notes
notes-link = Notes, resources and chat
notes-session = { $expert } with { $learner }, { $when }
notes-shared-title = Shared notes
notes-shared-lead = You and { $other } both see and edit these notes. Markdown works: **bold**, lists, links.
notes-shared-empty = Nobody has written notes yet.
notes-shared-label = Edit the shared notes
notes-shared-save = Save shared notes
notes-last-saved = Version { $version }, saved by { $name } at { $at }.
notes-saved = Saved.
notes-conflict = { $name } saved these notes while you were editing (now version { $version }). Nothing of yours was lost: your text is in the box below, and their version is shown above it. Merge the two, then save again.
notes-their-version = The notes as they are now
notes-private-title = My private notes
notes-private-lead = Only you can see these.
notes-private-label = Your private notes
notes-private-save = Save my notes
notes-too-long = Keep notes under 50,000 characters.
resources-title = Resources
resources-none = No resources yet.
resources-added-by = added by { $name }
resources-remove = Remove
resources-remove-label = Remove { $title }
resources-add-link = Add a link
resources-link-title = Title (optional)
resources-link-url = Link (https://…)
resources-link-add = Add link
resources-add-file = Add a file
resources-file-title = Title (optional)
resources-file = File
resources-file-hint = A PDF, JPEG or PNG of at most 10 MB.
resources-file-add = Upload file
resource-url-invalid = Enter a full web address starting with https:// or http://.
resource-title-too-long = Keep the title under 200 characters.
resource-file-required = Choose a file.
resource-file-too-large = This file is larger than 10 MB.
resource-file-type = Only PDF, JPEG and PNG files can be attached; this file is none of those.
resource-too-many = This session has 30 resources, the most it can hold. Remove one first.
chat-title = Chat from the session
chat-none = Nothing was written in the session's chat.

## Goals on a booking page
session-goals-title = Goals this session serves
session-goals-none = No goal is linked to this session.
session-goals-link = Link a goal
session-goals-pick = Goal
session-goals-add = Link
session-goals-unlink = Unlink
session-goals-unlink-label = Unlink { $title }
session-goals-shared-title = What { $learner } is working towards
session-goals-shared-none = { $learner } has not shared goals for this session.
session-goals-new = Set a goal on the My learning page.

## Goals and timeline page
learning-title = My learning
learning-lead = Your goals, and everything that happened along the way.
goals-title = Goals
goals-none = You have no goals yet. What do you want to reach?
goals-new = New goal
goals-field-title = Goal
goals-field-title-hint = For example: "Hold a 10-minute conversation in Japanese".
goals-field-detail = More about it (optional)
goals-field-target = Target date (optional)
goals-field-status = Status
goals-field-shared = Share with the experts of linked sessions
goals-field-shared-hint = They see it on the booking page before the session.
goals-create = Add goal
goals-save = Save
goals-target = Target: { $date }
goals-sessions = { $count ->
    [one] 1 session
   *[other] { $count } sessions
}
goals-shared = Shared with experts
goals-private = Only you
goal-status-active = Active
goal-status-achieved = Achieved
goal-status-dropped = Dropped
goal-title-required = Say what the goal is.
goal-title-too-long = Keep the goal under 200 characters.
goal-detail-too-long = Keep the description under 2,000 characters.
goal-status-invalid = Choose active, achieved or dropped.
goal-target-invalid = Enter a date such as 2027-03-31.
goal-too-many = You have 50 goals, the most one person can keep. Drop one first.
goals-edit-label = Change { $title }
timeline-title = Timeline
timeline-none = Nothing yet. Your sessions, notes and goals will appear here.
timeline-session = Session with { $expert }: { $status }
timeline-notes = Shared notes saved
timeline-resource = Resource attached: { $title }
timeline-review = You rated a session with { $expert }: { $stars } out of 5
timeline-goal-set = Goal set: { $title }
timeline-goal-status = { $title }: now { $status }
timeline-goal-target = { $title }: target moved to { $date }
timeline-goal-target-cleared = { $title }: target date removed

## NPS
nps-title = A quick question
nps-question = How likely are you to recommend Mentora to a friend or colleague?
nps-low = 0 = not at all likely
nps-high = 10 = extremely likely
nps-comment = What is the main reason for your score? (optional)
nps-send = Send
nps-not-now = Not now
nps-thanks = Thank you for your answer.
nps-score-invalid = Choose a number from 0 to 10.
nps-comment-too-long = Keep your comment under 2,000 characters.

## Operators
admin-reviews-title = Reviews to moderate
admin-reviews-lead = Reviews people reported, and reviews an operator hid. Hiding takes a review off the profile and out of the expert's rating; the reason is kept in the audit log.
admin-reviews-none = No review is reported or hidden.
admin-reviews-review = Review
admin-reviews-expert = Expert
admin-reviews-learner = Learner
admin-reviews-reports = Reports
admin-reviews-state = State
admin-reviews-shown = Shown
admin-reviews-hidden = Hidden: { $reason }
admin-reviews-reason = Reason
admin-reviews-hide = Hide
admin-reviews-restore = Restore
admin-kpis-title = Key figures
admin-nps-title = Net Promoter Score, last { $days } days
admin-nps-score = Score
admin-nps-none = No answers in this period.
admin-nps-answers = Answers
admin-nps-promoters = Promoters (9–10)
admin-nps-passives = Passives (7–8)
admin-nps-detractors = Detractors (0–6)
admin-nps-comments = Latest comments

## API and page errors
error-session-not-completed-title = The session is not completed
error-session-not-completed-detail = Only completed sessions can be reviewed.
error-review-window-closed-title = The review window has closed
error-review-window-closed-detail = Sessions can be reviewed for 30 days after they end.
error-review-exists-title = Already reviewed
error-review-exists-detail = This session already has its review; change it instead (within 48 hours of writing it).
error-review-edit-closed-title = The review can no longer be changed
error-review-edit-closed-detail = A review can be changed for 48 hours after it was written.
error-reply-exists-title = Already replied
error-reply-exists-detail = The expert can reply to a review once.
error-notes-conflict-title = The notes changed meanwhile
error-notes-conflict-detail = Someone saved the shared notes after you read them, so yours were not saved. Read the current version, merge, and save again with its version number.
error-nps-not-due-title = Not asked now
error-nps-not-due-detail = The recommendation question is asked after some completed sessions, once per period.
reviews-order-invalid = Order by newest or helpful.
reviews-page-invalid = Choose a page from 0 to 1000.
admin-nps-days-invalid = Choose a period from 1 to 3650 days.
notes-open-new-tab = Session notes (opens in a new tab)
review-decision-invalid = Choose hide, restore or keep.
admin-reviews-keep = Keep it (reports read)
review-not-saved = Your words, not saved (copy them before you leave):
