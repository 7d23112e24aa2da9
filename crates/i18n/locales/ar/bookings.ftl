# الحجوزات: حجز موعد مؤقتًا، والدفع في وضع الاختبار، وصفحة الحجز، ولوحات الجلسات، وخلاصات التقويم.

nav-my-sessions = جلساتي
nav-my-schedule = جدولي

availability-policy = سياسة الإلغاء
availability-policy-hint = تُثبَّت على كل حجز عند إنشائه. إذا ألغيتَ أنت، يُستردّ للمتعلم المبلغ كاملًا دائمًا.
availability-policy-invalid = اختر إحدى السياسات المدرجة.
policy-flexible = مرنة: استرداد كامل حتى ساعتين قبل الموعد، ولا شيء بعد ذلك
policy-moderate = معتدلة: استرداد كامل حتى 24 ساعة قبل الموعد، والنصف حتى ساعتين قبله، ولا شيء بعد ذلك
policy-strict = صارمة: استرداد كامل حتى 7 أيام قبل الموعد، والنصف حتى 48 ساعة قبله، ولا شيء بعد ذلك

error-slot-unavailable-title = لم يعد هذا الموعد متاحًا
error-slot-unavailable-detail = حجزه شخص آخر أو يحتفظ به، أو لم يعد ضمن ساعات الخبير. اختر موعدًا آخر.
error-learner-busy-title = لديك جلسة في هذا الوقت
error-learner-busy-detail = لديك جلسة أخرى محجوزة أو محتفظ بها تتداخل مع هذا الوقت.
error-expert-not-bookable-title = لا يمكن حجز هذا الخبير الآن
error-expert-not-bookable-detail = لا يقبل الخبير حجوزات في الوقت الحالي.
error-own-session-title = لا يمكنك حجز نفسك
error-own-session-detail = لا يمكن للخبراء حجز جلسات مع أنفسهم.
error-idempotency-key-reused-title = مفتاح Idempotency-Key مستخدم
error-idempotency-key-reused-detail = استُخدم مفتاح Idempotency-Key هذا لطلب مختلف. استخدم مفتاحًا جديدًا لكل طلب جديد.
error-invalid-transition-title = غير ممكن في هذه الحالة
error-invalid-transition-detail = لا يمكن لحجز في حالة { $from } أن يصبح { $to }.
error-payment-declined-title = رُفض الدفع
error-payment-declined-detail = رُفض الدفع. يبقى الموعد محجوزًا لك حتى تنتهي المهلة؛ حاول مجددًا.
error-no-proposal-title = لا يوجد موعد مقترح
error-no-proposal-detail = لم يقترح الخبير موعدًا آخر لهذا الحجز.

booking-start-invalid = اكتب وقت البدء بصيغة RFC 3339، مثل 2026-12-07T10:00:00Z.
booking-duration-invalid = اكتب مدة الجلسة بالدقائق بين 5 و480.
booking-duration-not-offered = لا يقدّم الخبير جلسات بهذه المدة.
booking-note-too-long = اجعل الملاحظة أقل من 2000 حرف.
booking-expert-unknown = لا يوجد خبير بهذا المعرّف.
booking-reason-too-long = اجعل السبب أقل من 500 حرف.
booking-reason-required = اذكر السبب ليعرفه الطرف الآخر.
booking-status-unknown = استخدم completed أو no_show_learner أو no_show_expert أو disputed أو resolved.

booking-note-label = ملاحظة للخبير (اختيارية)
booking-note-hint = ما الذي تودّ العمل عليه. يراها الخبير فقط.
booking-hold-explained = نحتفظ بهذا الموعد لك أثناء الدفع. سياسة الإلغاء: { $policy }.
booking-hold = احجز هذا الموعد وادفع
booking-log-in-to-book = سجّل الدخول لحجز هذا الموعد

checkout-title = ادفع ثمن جلستك
checkout-test-mode-note = لا يُقتطع أي مبلغ حقيقي: هذه صفحة الدفع التجريبية.
checkout-declined = رُفض الدفع. ما زال موعدك محجوزًا؛ حاول مجددًا.
checkout-held-until = محجوز لك حتى
checkout-hold-note = إن لم تدفع قبل ذلك، يُتاح الموعد لغيرك.
checkout-pay = ادفع { $price } (تجريبي)
checkout-decline = محاكاة دفع مرفوض

booking-title = جلستك
booking-expert = الخبير
booking-learner = المتعلم
booking-when = الموعد
booking-refunded = المبلغ المسترد
booking-policy = سياسة الإلغاء
booking-note = ملاحظة
booking-go-to-checkout = انتقل إلى الدفع
booking-proposal-title = موعد جديد مقترح
booking-proposal-body = يقترح الخبير نقل هذه الجلسة إلى { $when }.
booking-proposal-accept = اقبل الموعد الجديد
booking-proposal-decline = أبقِ الموعد الحالي
booking-cancel-title = ألغِ هذه الجلسة
booking-cancel-refund = إذا ألغيتَ الآن، يُسترد { $refund }.
booking-cancel-reason = السبب
booking-cancel-confirm = إلغاء الجلسة
booking-timeline = السجل الزمني
booking-times-in = تظهر الأوقات بتوقيت { $zone }.
booking-back = العودة إلى جلساتك
booking-status-held = محجوز مؤقتًا بانتظار الدفع
booking-status-confirmed = مؤكد
booking-status-expired = انتهت مهلة الحجز
booking-status-cancelled = ملغى
booking-status-rescheduled = نُقل إلى موعد آخر
booking-status-completed = مكتمل
booking-status-no-show-learner = لم يحضر المتعلم
booking-status-no-show-expert = لم يحضر الخبير
booking-status-disputed = محل نزاع
booking-status-resolved = سُوّي النزاع
booking-actor-learner = بواسطة المتعلم
booking-actor-expert = بواسطة الخبير
booking-actor-admin = بواسطة مسؤول
booking-actor-system = بواسطة Mentora

my-sessions-title = جلساتي
my-schedule-title = جدولي
sessions-tabs = أي الجلسات
sessions-tab-upcoming = القادمة
sessions-tab-past = السابقة
sessions-tab-cancelled = الملغاة
sessions-empty = لا شيء هنا بعد.
sessions-with = مع
sessions-status = الحالة

feed-title = خلاصة التقويم
feed-body = اشترك في جلساتك من تقويم Google أو Outlook أو Apple عبر عنوان خاص.
feed-url = عنوان خلاصتك الخاص
feed-url-once = انسخه الآن: لا يظهر إلا مرة واحدة. يستطيع أي شخص يملكه رؤية جلساتك؛ أنشئ عنوانًا جديدًا لإيقاف القديم.
feed-create = أنشئ عنوان خلاصة
feed-renew = استبدل عنوان الخلاصة
feed-revoke = أوقف الخلاصة

email-booking-confirmed-subject = تأكدت جلستك على Mentora
email-booking-confirmed-body = مرحبًا { $name }،

    تأكدت جلستك مع { $other } في { $when }. الدعوة المرفقة تضيفها إلى تقويمك.

    التفاصيل والتغييرات: { $link }

    انضم إلى الجلسة (تُفتح الغرفة قبل 10 دقائق): { $room }
    مشكلة في الكاميرا أو الميكروفون؟ { $help }
email-booking-rescheduled-subject = تغيّر موعد جلستك على Mentora
email-booking-rescheduled-body = مرحبًا { $name }،

    أصبحت جلستك مع { $other } في { $when }. الدعوة المرفقة تحدّث تقويمك.

    التفاصيل: { $link }

    انضم إلى الجلسة (تُفتح الغرفة قبل 10 دقائق): { $room }
    مشكلة في الكاميرا أو الميكروفون؟ { $help }
email-booking-cancelled-subject = أُلغيت جلستك على Mentora
email-booking-cancelled-body = مرحبًا { $name }،

    أُلغيت جلستك مع { $other } في { $when }. المبلغ المسترد للمتعلم: { $refund }. الدعوة المرفقة تزيلها من تقويمك.

    التفاصيل: { $link }
email-booking-proposed-subject = اقتُرح موعد جديد لجلستك
email-booking-proposed-body = مرحبًا { $name }،

    يقترح { $other } نقل جلستك من { $when } إلى { $proposed }. اقبل أو أبقِ الموعد الحالي: { $link }
email-booking-late-refund-subject = استُرد مبلغ دفعتك
email-booking-late-refund-body = مرحبًا { $name }،

    وصلت دفعتك للجلسة مع { $other } في { $when } بعد انتهاء المهلة، وكان الموعد قد حُجز. استرددنا لك { $refund } كاملًا.

    التفاصيل: { $link }

booking-move-title = انقل هذه الجلسة
booking-move-learner = اختر موعدًا متاحًا آخر؛ ينتقل الدفع مع الجلسة.
booking-move-expert = اقترح موعدًا متاحًا آخر؛ يقبله المتعلم أو يُبقي الموعد الحالي.
booking-move-new-time = الموعد الجديد ({ $zone })
booking-move-choose = اختر أحد المواعيد المدرجة.
booking-move-confirm = انقل الجلسة
booking-move-propose = اقترح هذا الموعد
admin-expert-cancellations = جلسات ألغاها الخبير
email-booking-late-refund-expert-subject = استُرد مبلغ دفعة متأخرة
email-booking-late-refund-expert-body = مرحبًا { $name }،

    دفع { $other } ثمن جلسة في { $when } بعد انتهاء مهلة الحجز، وكان شخص آخر قد حجز الموعد. استردت Mentora له { $refund } كاملًا؛ لا يتغير شيء في جدولك.

    التفاصيل: { $link }

field-cursor-invalid = استخدم قيمة next_cursor من الصفحة السابقة كما هي.
field-limit-invalid = اطلب من 1 إلى 200 حجز في الصفحة.
error-currency-not-chargeable-title = لا تُقبل المدفوعات بهذه العملة
error-currency-not-chargeable-detail = لا يستطيع مزوّد الدفع التحصيل بعملة هذا الخبير، لذا لا يمكن حجز الجلسة.
error-price-not-chargeable-title = لا يمكن تحصيل هذا السعر
error-price-not-chargeable-detail = لا يستطيع مزوّد الدفع تحصيل هذا السعر: يجب ألا يقل عن { $minimum }، وبمبالغ يقبلها. اختر مدة أخرى أو خبيرًا آخر.
checkout-time-left = الوقت المتبقي
checkout-hold-lapsed = انتهت مهلة الحجز
checkout-pay-card = ادفع { $price }
checkout-card-note = تذهب بيانات البطاقة مباشرة إلى Stripe، مزوّد الدفع لدينا؛ ولا يراها Mentora أبدًا.
checkout-complete-title = جارٍ تأكيد الدفع
checkout-complete-waiting = جارٍ تأكيد دفعتك. ستنتقل هذه الصفحة تلقائيًا بعد لحظات.
checkout-complete-booking-link = الانتقال إلى الحجز
receipt-title = إيصال
receipt-number = رقم الإيصال { $number }
receipt-sandbox = وضع الاختبار: لم يُحصَّل أي دفع حقيقي.
receipt-paid-at = تاريخ الدفع
receipt-paid = المدفوع
receipt-refund = مُسترد في { $date }
receipt-refund-pending = في طريقه إليك
receipt-kept = إجمالي المدفوع
receipt-reference = مرجع الدفع
receipt-print-hint = اطبع هذه الصفحة أو احفظها بصيغة PDF من قائمة الطباعة في متصفحك.
booking-receipt-link = الإيصال
booking-cancel-ask-title = إلغاء هذه الجلسة؟
booking-cancel-ask-what = تُلغى جلستك مع { $name } في { $when } لكليكما.
booking-cancel-keep = الإبقاء على الجلسة
booking-cancel-yes = نعم، ألغِ الجلسة
booking-booked-title = تم حجز جلستك مع { $name }.
booking-booked-body = يصلك تأكيد بالبريد مع دعوة تقويم. تُفتح الغرفة قبل البدء بعشر دقائق.
booking-add-to-calendar = أضف إلى تقويمك
booking-calendar-file = ملف تقويم (.ics)
booking-contact = أسئلة قبل الجلسة؟ راسل { $name }:
booking-reason-accepted-proposal = قبل الموعد الذي اقترحه الخبير
booking-sign-up-to-book = جديد هنا؟ أنشئ حسابًا
booking-cancel-ask-what-operator = تُلغى الجلسة بين { $expert } و{ $learner } في { $when } لكليهما.
