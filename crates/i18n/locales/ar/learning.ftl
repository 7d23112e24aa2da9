# سجل التعلم: التقييمات، وملاحظات الجلسات ومواردها، والأهداف والخط الزمني، ومؤشر NPS.
nav-my-learning = تعلّمي
nav-admin-reviews = التقييمات
nav-admin-kpis = الأرقام الرئيسية

## التقييمات في صفحة الحجز
review-title = تقييمك
review-lead = كيف كانت جلستك مع { $expert }؟ يظهر تقييمك علنًا في ملفه الشخصي، باسمك الأول فقط.
review-rating = التقييم العام
review-stars = { $stars ->
    [zero] لا نجوم
    [one] نجمة واحدة
    [two] نجمتان
    [few] { $stars } نجوم
    [many] { $stars } نجمة
   *[other] { $stars } نجمة
}
review-stars-of-five = { $stars } من 5
review-aspects = تفاصيل (اختياري)
review-clarity = الوضوح
review-preparation = التحضير
review-punctuality = الالتزام بالموعد
review-aspect-none = بلا تقييم
review-body = تعليقك (اختياري)
review-body-hint = ماذا تعلّمت؟ وبماذا تنصح من يفكر في اختيار هذا الخبير؟
review-publish = انشر التقييم
review-save-changes = احفظ التغييرات
review-editable-until = يمكنك تعديل تقييمك حتى { $until }.
review-edited = معدَّل
review-published = نُشر تقييمك.
review-window-closed = يمكن تقييم الجلسات خلال 30 يومًا من انتهائها.
review-none-yet = لم يقيّم { $learner } هذه الجلسة بعد.
review-learner-said = تقييم { $learner }
review-reply = ردّ علنًا
review-reply-hint = يظهر ردك أسفل التقييم في ملفك الشخصي. يمكنك الرد مرة واحدة.
review-reply-publish = انشر الرد
review-reply-from = ردّ من { $expert }
review-hidden-note = أخفى أحد المشرفين هذا التقييم: { $reason }

## التقييمات في الملف الشخصي
reviews-title = التقييمات
reviews-average = { $average } من 5
reviews-count = { $count ->
    [zero] لا تقييمات
    [one] تقييم واحد
    [two] تقييمان
    [few] { $count } تقييمات
    [many] { $count } تقييمًا
   *[other] { $count } تقييم
}
reviews-none = لا تقييمات بعد.
reviews-distribution = توزيع التقييمات
reviews-share = { $stars } نجوم: { $percent }%
reviews-sort = الترتيب
reviews-sort-newest = الأحدث
reviews-sort-helpful = الأكثر فائدة
reviews-helpful = مفيد ({ $count })
reviews-helpful-marked = وجدته مفيدًا ({ $count })
reviews-report = أبلغ عن هذا التقييم
reviews-report-reason = لماذا ينبغي أن يطّلع عليه مشرف؟
reviews-report-send = أرسل البلاغ
reviews-reported = شكرًا لك. سيطّلع أحد المشرفين على هذا التقييم.
reviews-more = مزيد من التقييمات
reviews-sign-in-to-act = سجّل الدخول لتحديد التقييمات المفيدة أو الإبلاغ عنها.

## أخطاء الحقول
review-rating-invalid = اختر من نجمة واحدة إلى خمس نجوم.
review-aspect-invalid = قيّم هذا من نجمة إلى خمس نجوم، أو اتركه بلا تقييم.
review-body-too-long = اجعل تقييمك أقل من 4000 حرف.
review-reply-required = اكتب ردك.
review-reply-too-long = اجعل ردك أقل من 4000 حرف.
review-reason-required = اذكر السبب.
review-reason-too-long = اجعل السبب أقل من 500 حرف.
review-already-hidden = هذا التقييم مخفي بالفعل.
review-not-hidden = هذا التقييم غير مخفي.

## ملاحظات الجلسة ومواردها
notes-title = ملاحظات الجلسة
notes-link = الملاحظات والموارد والدردشة
notes-session = { $expert } مع { $learner }، { $when }
notes-shared-title = الملاحظات المشتركة
notes-shared-lead = أنت و{ $other } تريان هذه الملاحظات وتحرّرانها معًا. يدعم Markdown: **bold**، والقوائم، والروابط.
notes-shared-empty = لم يكتب أحد ملاحظات بعد.
notes-shared-label = حرّر الملاحظات المشتركة
notes-shared-save = احفظ الملاحظات المشتركة
notes-last-saved = الإصدار { $version }، حفظه { $name } في { $at }.
notes-saved = حُفظت.
notes-conflict = حفظ { $name } هذه الملاحظات أثناء تحريرك لها (الإصدار الآن { $version }). لم يضع شيء مما كتبته: نصك في المربع أدناه، ونسخته معروضة فوقه. ادمج النسختين ثم احفظ مجددًا.
notes-their-version = الملاحظات كما هي الآن
notes-private-title = ملاحظاتي الخاصة
notes-private-lead = لا يراها أحد غيرك.
notes-private-label = ملاحظاتك الخاصة
notes-private-save = احفظ ملاحظاتي
notes-too-long = اجعل الملاحظات أقل من 50000 حرف.
resources-title = الموارد
resources-none = لا موارد بعد.
resources-added-by = أضافه { $name }
resources-remove = إزالة
resources-remove-label = إزالة { $title }
resources-add-link = أضف رابطًا
resources-link-title = العنوان (اختياري)
resources-link-url = الرابط (https://…)
resources-link-add = إضافة الرابط
resources-add-file = أضف ملفًا
resources-file-title = العنوان (اختياري)
resources-file = الملف
resources-file-hint = ملف PDF أو JPEG أو PNG لا يتجاوز 10 ميغابايت.
resources-file-add = رفع الملف
resource-url-invalid = أدخل عنوان ويب كاملًا يبدأ بـ https:// أو http://.
resource-title-too-long = اجعل العنوان أقل من 200 حرف.
resource-file-required = اختر ملفًا.
resource-file-too-large = حجم هذا الملف أكبر من 10 ميغابايت.
resource-file-type = لا يمكن إرفاق سوى ملفات PDF وJPEG وPNG، وهذا الملف ليس من بينها.
resource-too-many = لهذه الجلسة 30 موردًا، وهو الحد الأقصى. أزل موردًا أولًا.
chat-title = دردشة الجلسة
chat-none = لم يُكتب شيء في دردشة الجلسة.

## الأهداف في صفحة الحجز
session-goals-title = الأهداف التي تخدمها هذه الجلسة
session-goals-none = لا يرتبط أي هدف بهذه الجلسة.
session-goals-link = اربط هدفًا
session-goals-pick = الهدف
session-goals-add = ربط
session-goals-unlink = فك الربط
session-goals-unlink-label = فك ربط { $title }
session-goals-shared-title = ما يسعى إليه { $learner }
session-goals-shared-none = لم يشارك { $learner } أهدافًا لهذه الجلسة.
session-goals-new = حدّد هدفًا في صفحة «تعلّمي».

## صفحة الأهداف والخط الزمني
learning-title = تعلّمي
learning-lead = أهدافك، وكل ما جرى في طريقك إليها.
goals-title = الأهداف
goals-none = ليست لديك أهداف بعد. ما الذي تريد بلوغه؟
goals-new = هدف جديد
goals-field-title = الهدف
goals-field-title-hint = مثلًا: «إجراء محادثة مدتها 10 دقائق باليابانية».
goals-field-detail = مزيد من التفاصيل (اختياري)
goals-field-target = التاريخ المستهدف (اختياري)
goals-field-status = الحالة
goals-field-shared = شاركه مع خبراء الجلسات المرتبطة
goals-field-shared-hint = يراه الخبراء في صفحة الحجز قبل الجلسة.
goals-create = أضف الهدف
goals-save = حفظ
goals-target = التاريخ المستهدف: { $date }
goals-sessions = { $count ->
    [zero] لا جلسات
    [one] جلسة واحدة
    [two] جلستان
    [few] { $count } جلسات
    [many] { $count } جلسةً
   *[other] { $count } جلسة
}
goals-shared = مُشارَك مع الخبراء
goals-private = أنت فقط
goal-status-active = نشط
goal-status-achieved = محقَّق
goal-status-dropped = متروك
goal-title-required = اذكر ما هو الهدف.
goal-title-too-long = اجعل الهدف أقل من 200 حرف.
goal-detail-too-long = اجعل الوصف أقل من 2000 حرف.
goal-status-invalid = اختر إحدى الحالات: نشط أو محقَّق أو متروك.
goal-target-invalid = أدخل تاريخًا مثل 2027-03-31.
goal-too-many = لديك 50 هدفًا، وهو الحد الأقصى للشخص الواحد. اترك أحدها أولًا.
goals-edit-label = تعديل { $title }
timeline-title = الخط الزمني
timeline-none = لا شيء بعد. ستظهر هنا جلساتك وملاحظاتك وأهدافك.
timeline-session = جلسة مع { $expert }: { $status }
timeline-notes = حُفظت الملاحظات المشتركة
timeline-resource = أُرفق مورد: { $title }
timeline-review = قيّمت جلسة مع { $expert }: { $stars } من 5
timeline-goal-set = حُدّد هدف: { $title }
timeline-goal-status = { $title }: أصبح الآن { $status }
timeline-goal-target = { $title }: نُقل التاريخ المستهدف إلى { $date }
timeline-goal-target-cleared = { $title }: أُزيل التاريخ المستهدف

## NPS
nps-title = سؤال سريع
nps-question = ما مدى احتمال أن توصي بـ Mentora لصديق أو زميل؟
nps-low = 0 = غير محتمل على الإطلاق
nps-high = 10 = محتمل جدًا
nps-comment = ما السبب الرئيسي لتقييمك؟ (اختياري)
nps-send = إرسال
nps-not-now = ليس الآن
nps-thanks = شكرًا على إجابتك.
nps-score-invalid = اختر رقمًا من 0 إلى 10.
nps-comment-too-long = اجعل تعليقك أقل من 2000 حرف.

## المشرفون
admin-reviews-title = تقييمات بانتظار الإشراف
admin-reviews-lead = تقييمات أبلغ عنها المستخدمون، وتقييمات أخفاها مشرف. يزيل الإخفاء التقييم من الملف الشخصي ومن التقييم الإجمالي للخبير، ويُحفظ السبب في سجل التدقيق.
admin-reviews-none = لا يوجد تقييم مُبلَّغ عنه أو مخفي.
admin-reviews-review = التقييم
admin-reviews-expert = الخبير
admin-reviews-learner = المتعلم
admin-reviews-reports = البلاغات
admin-reviews-state = الحالة
admin-reviews-shown = ظاهر
admin-reviews-hidden = مخفي: { $reason }
admin-reviews-reason = السبب
admin-reviews-hide = إخفاء
admin-reviews-restore = استعادة
admin-kpis-title = الأرقام الرئيسية
admin-nps-title = صافي نقاط الترويج (NPS) خلال الأيام الـ{ $days } الأخيرة
admin-nps-score = النتيجة
admin-nps-none = لا إجابات في هذه الفترة.
admin-nps-answers = الإجابات
admin-nps-promoters = المروّجون (9–10)
admin-nps-passives = المحايدون (7–8)
admin-nps-detractors = المنتقدون (0–6)
admin-nps-comments = أحدث التعليقات

## أخطاء الواجهة البرمجية والصفحات
error-session-not-completed-title = الجلسة غير مكتملة
error-session-not-completed-detail = لا يمكن تقييم إلا الجلسات المكتملة.
error-review-window-closed-title = انتهت مهلة التقييم
error-review-window-closed-detail = يمكن تقييم الجلسات خلال 30 يومًا من انتهائها.
error-review-exists-title = قُيّمت بالفعل
error-review-exists-detail = لهذه الجلسة تقييم بالفعل؛ عدّله بدلًا من ذلك (خلال 48 ساعة من كتابته).
error-review-edit-closed-title = لم يعد بالإمكان تعديل التقييم
error-review-edit-closed-detail = يمكن تعديل التقييم خلال 48 ساعة من كتابته.
error-reply-exists-title = تم الرد بالفعل
error-reply-exists-detail = يمكن للخبير الرد على التقييم مرة واحدة فقط.
error-notes-conflict-title = تغيّرت الملاحظات في هذه الأثناء
error-notes-conflict-detail = حفظ شخص ما الملاحظات المشتركة بعد أن قرأتها، لذا لم تُحفظ ملاحظاتك. اقرأ الإصدار الحالي، وادمج التغييرات، ثم احفظ مجددًا مع رقم إصداره.
error-nps-not-due-title = لا يُطرح السؤال الآن
error-nps-not-due-detail = يُطرح سؤال التوصية بعد بعض الجلسات المكتملة، مرة واحدة في كل فترة.
reviews-order-invalid = رتّب حسب الأحدث أو الأكثر فائدة.
reviews-page-invalid = اختر صفحة من 0 إلى 1000.
admin-nps-days-invalid = اختر فترة من 1 إلى 3650 يومًا.
notes-open-new-tab = ملاحظات الجلسة (تُفتح في علامة تبويب جديدة)
review-decision-invalid = اختر الإخفاء أو الاستعادة أو الإبقاء.
admin-reviews-keep = إبقاؤه (تمت قراءة البلاغات)
review-not-saved = كلماتك، غير محفوظة (انسخها قبل المغادرة):
