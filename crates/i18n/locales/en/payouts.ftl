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
