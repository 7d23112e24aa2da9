# مدفوعات الخبراء والاعتراضات على الدفع والأرباح.
email-booking-paid-out-subject = تلقيت أجر إحدى الجلسات
email-booking-paid-out-body = مرحبًا { $name }،

    أرسلنا { $refund } عن جلستك مع { $other } في { $when } إلى حساب الدفع الخاص بك. سيحوّلها مزوّد الدفع إلى مصرفك وفق جدوله المعتاد.

    التفاصيل: { $link }
email-booking-chargeback-subject = اعتُرض على دفعة إحدى جلساتك
email-booking-chargeback-body = مرحبًا { $name }،

    اعترض مصرف { $other } على دفعة جلستك في { $when }. تُحجز حصتك من هذه الجلسة حتى ينتهي الاعتراض؛ وإن كانت قد دُفعت لك فتُسترد مؤقتًا وتُدفع مجددًا إذا كُسب الاعتراض.

    التفاصيل: { $link }
email-payout-failed-subject = تعذّر تحويل دفعة إلى مصرفك
email-payout-failed-body = مرحبًا { $name }،

    تعذّر على مزوّد الدفع تحويل { $amount } إلى مصرفك: { $reason }

    يُرجى مراجعة بياناتك المصرفية في إعدادات الدفع: { $link }
refund-amount-invalid = أدخل مبلغًا أكبر من صفر ولا يتجاوز المتبقي للاسترداد، وبخطوات يستطيع مزوّد الدفع ردّها.
nav-earnings = الأرباح
earnings-title = أرباحك
earnings-lead = حصتك من كل جلسة مدفوعة وأين وصلت. تُدفع حصة الجلسة إلى حساب الدفع الخاص بك بعد { $hours } ساعة من تسجيلها كجلسة مكتملة، ما لم يعترض عليها المتعلّم.
earnings-csv = تنزيل بصيغة CSV
earnings-payout-settings = إعدادات الدفع
earnings-empty = لا توجد جلسات مدفوعة بعد. حين يدفع المتعلّمون ثمن جلسات معك، تظهر حصتك هنا.
earnings-stage-upcoming = جلسات قادمة
earnings-stage-window = ضمن مهلة الاعتراض
earnings-stage-held = محجوزة بسبب اعتراض
earnings-stage-available = متاحة، تُدفع في الدفعة التالية
earnings-stage-paid-out = مدفوعة
earnings-stage-nothing = مستردّة، لا شيء للدفع
earnings-sessions = الجلسات
earnings-times-in = الأوقات بتوقيت { $zone }.
earnings-paid = ما دفعه المتعلّم
earnings-share = حصتك
earnings-stage = الحالة
earnings-bank-payouts = التحويلات إلى مصرفك
earnings-payout-paid = أُودعت في مصرفك
earnings-payout-pending = في الطريق
earnings-payout-failed = فشلت
earnings-payout-canceled = أُلغيت
payments-ledger-title = ميزان المراجعة
payments-search-title = الحجوزات المدفوعة
payments-search-label = الحجز أو المتعلّم أو الخبير
payments-search-hint = معرّف حجز، أو جزء من بريد إلكتروني أو اسم.
payments-search = بحث
payments-search-none = لا يطابق أي حجز مدفوع.
payments-learner = المتعلّم
payments-expert = الخبير
payments-status = الحالة
payments-paid-refunded = المدفوع / المردود
payments-refund-amount = المبلغ المراد ردّه ({ $currency })
payments-refund-reason = السبب (يُحفظ في سجل التدقيق)
payments-refund = ردّ المبلغ
payments-refund-decided = تقرّر الرد: يُرسل عبر مزوّد الدفع، وتُسترد حصة الخبير أولًا إن كانت قد دُفعت له.
payments-check-title = فحص الدفتر
payments-check-ok = كان الدفتر متوازنًا ومطابقًا لمزوّد الدفع في { $at }.
payments-check-failed = وجد فحص الدفتر في { $at } مشكلات:
payments-transfers-title = تحويلات إلى الخبراء قيد الانتظار
payments-transfers-none = لا شيء: نُفّذت كل التحويلات المقرّرة.
payments-disputes-title = الاعتراضات على الدفع
payments-disputes-none = لا توجد اعتراضات على الدفع.
payments-report-title = تقرير العمولات
payments-report-from = من
payments-report-to = إلى (ضمنًا)
payments-report-csv = تنزيل بصيغة CSV
payments-report-none = لم تتحرك أموال في هذه الفترة.
payments-report-gross = ما دفعه المتعلّمون
payments-report-refunded = المردود
payments-report-commission = العمولة المحتفظ بها
payments-report-paid-out = المدفوع للخبراء
payments-period-invalid = اختر تاريخين، على ألا يكون الأول بعد الثاني.
rates-title = أسعار الصرف
rates-lead = الأسعار التي تُحسب منها التقديرات بعملة كل زائر. يسري السعر من يومه (بتوقيت UTC) حتى سعر لاحق للعملة نفسها. يُحاسَب المتعلّمون دائمًا بعملة الخبير.
rates-saved = حُفظ السعر. تستخدمه التقديرات ابتداءً من يومه.
rates-currency = العملة
rates-per-usd = الوحدات لكل دولار أمريكي
rates-from = ابتداءً من (يوم UTC)
rates-set = تعيين السعر
rates-upcoming = معلنة
rates-in-force = السارية اليوم
rate-currency-invalid = أدخل رمز عملة من ثلاثة أحرف وفق ISO 4217، مثل EUR.
rate-value-invalid = أدخل رقمًا أكبر من صفر بتسعة أرقام عشرية كحد أقصى، مثل 0.92.
rate-day-invalid = أدخل تاريخًا مثل 2026-12-31، أو اتركه فارغًا لليوم.
refund-changed-meanwhile = تغيّرت مبالغ الرد لهذا الحجز منذ عرض الصفحة (أُجري رد آخر)؛ لم يُرد أي مبلغ إضافي. راجع المبالغ وأعد المحاولة إن لزم.
refund-while-disputed = يعترض مصرف المتعلّم على هذه الدفعة ويحتجز المال: لا رد حتى ينتهي الاعتراض.
rate-usd-fixed = الأسعار محسوبة لكل دولار أمريكي، لذا فسعر الدولار نفسه دائمًا 1.
