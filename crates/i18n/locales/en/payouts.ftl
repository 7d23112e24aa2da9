# Experts' payouts, chargebacks and earnings.
email-booking-paid-out-subject = You have been paid for a session
email-booking-paid-out-body = Hello { $name },

    we sent { $refund } for your session with { $other } on { $when } to your payout account. Your payment provider pays it into your bank on its usual schedule.

    Details: { $link }
email-booking-chargeback-subject = A payment for your session is disputed
email-booking-chargeback-body = Hello { $name },

    the bank of { $other } disputed the payment for your session on { $when }. Your share for this session is held until the dispute ends; if it was already paid to you, it is taken back for now and paid again if the dispute is won.

    Details: { $link }
email-payout-failed-subject = A payout to your bank failed
email-payout-failed-body = Hello { $name },

    your payment provider could not pay { $amount } into your bank: { $reason }

    Please check your bank details in your payout settings: { $link }
refund-amount-invalid = Enter an amount more than zero and at most what is left to refund, in steps the payment provider can refund.
nav-earnings = Earnings
earnings-title = Your earnings
earnings-lead = Your share of each paid session, and where it stands. A session's share is paid to your payout account { $hours } hours after it was marked as given, unless the learner disputes it.
earnings-csv = Download as CSV
earnings-payout-settings = Payout settings
earnings-empty = No paid sessions yet. When learners pay for sessions with you, your share shows here.
earnings-stage-upcoming = Upcoming sessions
earnings-stage-window = In the dispute window
earnings-stage-held = Held by a dispute
earnings-stage-available = Available, paid out next
earnings-stage-paid-out = Paid out
earnings-stage-nothing = Refunded, nothing to pay
earnings-sessions = Sessions
earnings-times-in = Times in { $zone }.
earnings-paid = Paid by the learner
earnings-share = Your share
earnings-stage = Where it stands
earnings-bank-payouts = Payouts to your bank
earnings-payout-paid = Paid into your bank
earnings-payout-pending = On its way
earnings-payout-failed = Failed
earnings-payout-canceled = Cancelled
payments-ledger-title = Trial balance
payments-search-title = Paid bookings
payments-search-label = Booking, learner or expert
payments-search-hint = A booking id, or part of an email address or name.
payments-search = Search
payments-search-none = No paid booking matches.
payments-learner = Learner
payments-expert = Expert
payments-status = Status
payments-paid-refunded = Paid / refunded
payments-refund-amount = Amount to refund ({ $currency })
payments-refund-reason = Reason (kept in the audit log)
payments-refund = Refund
payments-refund-decided = Refund decided: it is sent through the payment provider, taking the expert's part back first if they were paid.
payments-check-title = Ledger check
payments-check-ok = The ledger balanced and matched the payment provider at { $at }.
payments-check-failed = The ledger check at { $at } found problems:
payments-transfers-title = Transfers to experts waiting
payments-transfers-none = None: every transfer decided has been made.
payments-disputes-title = Chargebacks
payments-disputes-none = No chargebacks.
payments-report-title = Commission report
payments-report-from = From
payments-report-to = To (inclusive)
payments-report-csv = Download as CSV
payments-report-none = No money moved in this period.
payments-report-gross = Paid by learners
payments-report-refunded = Refunded
payments-report-commission = Commission kept
payments-report-paid-out = Paid to experts
payments-period-invalid = Choose two dates, the first not after the second.
rates-title = Exchange rates
rates-lead = The rates viewers' estimates in their own currency come from. A rate applies from its day (UTC) until a later one for the same currency. Learners are always charged in the expert's currency.
rates-saved = Rate saved. Estimates use it from its day on.
rates-currency = Currency
rates-per-usd = Units per US dollar
rates-from = From (UTC day)
rates-set = Set rate
rates-upcoming = Announced
rates-in-force = In force today
rate-currency-invalid = Enter a three-letter ISO 4217 currency code, such as EUR.
rate-value-invalid = Enter a number above zero with at most nine decimals, such as 0.92.
rate-day-invalid = Enter a date such as 2026-12-31, or leave it empty for today.
refund-changed-meanwhile = This booking's refunds changed since the page was shown (another refund was made); nothing more was refunded. Check the amounts and try again if needed.
refund-while-disputed = The learner's bank is disputing this payment, so it holds the money: no refund until the dispute ends.
rate-usd-fixed = Rates are per US dollar, so the dollar's own rate is always 1.
