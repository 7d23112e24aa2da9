# الخبراء: الطلبات والتحقق والمدفوعات والدليل والملفات العامة.

nav-find-expert = ابحث عن خبير
nav-expert-application = علّم على Mentora
nav-admin-experts = التحقق
test-mode-label = وضع الاختبار.

## الدليل
directory-title = ابحث عن خبير
directory-description = خبراء موثَّقون لجلسات مباشرة فردية، بلغتك وفي منطقتك الزمنية.
directory-filters = تصفية الخبراء
directory-search = ابحث بالاسم أو الموضوع أو المهارة
directory-specialty = التخصص
directory-any = الكل
directory-language = اللغة التي يتحدثها
directory-language-hint = اكتب اسم اللغة، مثل ⁨العربية⁩ أو ⁨English⁩.
directory-price = السعر للساعة ({ $currency })
directory-price-min = من
directory-price-max = إلى
directory-currency = اعرض الأسعار بعملة
directory-rating = التقييم
directory-rating-at-least = { $stars } نجوم فأكثر
directory-available = متاح خلال الأيام السبعة القادمة
directory-sort = الترتيب حسب
directory-sort-relevance = الأكثر تطابقًا
directory-sort-rating = الأعلى تقييمًا
directory-sort-price = الأقل سعرًا
directory-sort-soonest = الأقرب موعدًا
directory-apply = اعرض الخبراء
directory-results = النتائج
directory-empty = لا يوجد خبير يطابق عوامل التصفية هذه بعد. جرّب عوامل أقل أو كلمات أخرى.
directory-more = مزيد من الخبراء
directory-language-invalid = اختر لغة من القائمة، باسمها (⁨العربية⁩) أو بالإنجليزية (⁨Arabic⁩).
directory-price-invalid = أدخل السعر رقمًا، مثل 40 أو 39.50.
directory-price-currency-unsupported = لا يمكن تقدير الأسعار بهذه العملة بعد؛ اختر عملة أخرى للتصفية حسب السعر.
directory-price-range = يجب ألا يقل أعلى سعر عن أدنى سعر.
directory-rating-invalid = اختر تقييمًا من 0 إلى 5.
directory-sort-invalid = اختر أحد الترتيبات المعروضة.
directory-cursor-invalid = رابط هذه الصفحة معطوب؛ ابدأ البحث من جديد.
directory-limit-invalid = اطلب من 1 إلى 50 نتيجة في الصفحة.

## البطاقات والملفات العامة
expert-verified = موثَّق
expert-verified-since = موثَّق منذ { $date }
expert-price-estimate = ≈ { $price } (تقديري)
expert-estimate-note = تستند التقديرات إلى أسعار صرف مرجعية. تدفع بعملة الخبير: { $currency }.
expert-no-reviews = لا تقييمات بعد
expert-rating-summary = { $average } من 5 (عدد التقييمات: { $count })
expert-about = نبذة
expert-intro-video = شاهد الفيديو التعريفي
expert-choose-time = اختر موعدًا
expert-intro-video-player = الفيديو التعريفي لـ { $name } ({ $provider })
expert-intro-video-on = شاهده على { $provider }
expert-rates = الجلسات والأسعار
expert-rate-duration = { $minutes } دقيقة
expert-rating = التقييم
expert-specialties = التخصصات
expert-languages = اللغات
expert-photo-of = صورة { $name }
expert-preview-notice = معاينة: لا يرى المتعلّمون هذا الملف حتى يُوثَّق ويُعَدّ تحويل الأرباح، وما دام غير موقوف.
expert-suspended = موقوف

## الطلب
expert-apply-title = طلبك لتصبح خبيرًا
expert-apply-intro = أخبر المتعلّمين بما تعلّمه. يُحفظ طلبك مسودةً حتى ترسله للمراجعة؛ ثم يفحص مدقّق مستنداتك ويردّ مع ذكر السبب.
expert-status = حالة الطلب
expert-status-none = لم يبدأ بعد
expert-status-draft = مسودة: لا يراها غيرك.
expert-status-submitted = مُرسَل: سيراجعه مدقّق.
expert-status-changes-requested = طُلبت تعديلات: عدّل طلبك وأرسله مرة أخرى.
expert-status-approved = مقبول
expert-status-rejected = غير مقبول
expert-status-invalid = اختر إحدى حالات الطلب.
expert-reason = ملاحظة المدقّق:
expert-suspended-notice = ملفك موقوف: لا يستطيع المتعلّمون العثور عليك أو حجزك. تبقى الجلسات المحجوزة قائمة.
expert-view-public-profile = اعرض ملفك العام
expert-verify-email-first = أكِّد بريدك الإلكتروني قبل التقديم. الرابط في بريدك الوارد، ويمكنك إرساله مرة أخرى من ملفك الشخصي.
expert-field-headline = العنوان التعريفي
expert-field-headline-hint = سطر واحد يراه المتعلّمون أولًا، مثل «مرشد ⁨Rust⁩ لمهندسي الواجهات الخلفية».
expert-field-bio = نبذة عنك
expert-field-bio-hint = يدعم ⁨Markdown⁩: **عريض**، _مائل_، والقوائم والروابط. حتى 5000 حرف.
expert-field-specialties = التخصصات (حتى 10)
expert-field-languages = اللغات التي تعلّم بها
expert-field-rates = الأسعار لكل جلسة
expert-field-rates-hint = اترك المدة فارغة إن لم تكن تقدّمها. كل الأسعار بعملة واحدة.
expert-field-video = الفيديو التعريفي (اختياري)
expert-field-video-hint = رابط ⁨https⁩، مثل فيديو على ⁨YouTube⁩ أو ⁨Vimeo⁩.
expert-photo-hint = تظهر صورة ملفك للمتعلّمين.
expert-save-draft = حفظ المسودة
expert-save-profile = حفظ الملف
expert-submit = أرسل للمراجعة
expert-submit-hint = يتضمن الطلب المكتمل عنوانًا تعريفيًا ونبذة وتخصصًا ولغة وسعرًا ومستند هوية.
expert-saved-draft = حُفظ طلبك.
expert-saved-submitted = أُرسل طلبك. سنرسل إليك رد المدقّق بالبريد الإلكتروني.
expert-saved-document = رُفع مستندك.
expert-saved-removed = أُزيل المستند.
expert-saved-payouts = حُدّثت بيانات تحويل أرباحك.
expert-headline-required = أضف عنوانًا تعريفيًا.
expert-headline-too-long = اجعل العنوان التعريفي أقل من 120 حرفًا.
expert-headline-invalid = لا يمكن أن يحتوي العنوان التعريفي على أحرف تحكم.
expert-bio-required = عرّف المتعلّمين بنفسك.
expert-bio-too-long = اجعل النبذة أقل من 5000 حرف.
expert-specialties-required = اختر تخصصًا واحدًا على الأقل.
expert-specialties-too-many = اختر 10 تخصصات على الأكثر.
expert-specialty-unknown = اختر التخصصات من القائمة.
expert-languages-required = اذكر لغة واحدة على الأقل تعلّم بها.
expert-rates-required = حدّد سعرًا لمدة جلسة واحدة على الأقل.
expert-rate-not-positive = أدخل سعرًا أكبر من صفر.
expert-rate-too-high = هذا السعر يتجاوز 5000 دولار أمريكي للجلسة. تحقّق من عدم وجود صفر زائد.
expert-rate-not-a-number = أدخل السعر رقمًا، مثل 45 أو 45.50.
expert-rate-too-many-decimals = لهذه العملة منازل عشرية أقل.
expert-rate-duration-invalid = قدّم جلسات مدتها 30 أو 45 أو 60 أو 90 أو 120 دقيقة.
expert-rate-duration-repeated = حدّد سعرًا واحدًا لكل مدة جلسة.
expert-rate-currency-mixed = يجب أن تكون كل الأسعار بعملة الطلب.
expert-video-url-invalid = استخدم رابط ⁨https⁩ للفيديو.
expert-identity-document-required = ارفع مستند هوية (جواز سفر أو بطاقة هوية أو رخصة قيادة).

## المستندات
expert-documents = مستندات التحقق
expert-documents-hint = لا يستطيع فتح هذه الملفات سواك وسوى المدقّقين لدينا. تُحذف مستندات الطلب المرفوض بعد انتهاء مدة الاحتفاظ.
expert-document-file = الملف
expert-document-kind = النوع
expert-document-kind-identity = مستند هوية
expert-document-kind-credential = مؤهل أو شهادة
expert-document-size = الحجم
expert-document-actions = الإجراءات
expert-document-remove = إزالة
expert-document-remove-named = إزالة { $name }
expert-document-upload = رفع المستند
expert-document-hint = ⁨PDF⁩ أو ⁨JPEG⁩ أو ⁨PNG⁩، حتى 10 ميغابايت.
expert-document-required = اختر ملفًا لرفعه.
expert-document-too-large = حجم الملف أكبر من 10 ميغابايت.
expert-document-type = هذا الملف ليس ⁨PDF⁩ أو ⁨JPEG⁩ أو ⁨PNG⁩ (يُفحص محتواه أيًّا كان اسمه).
expert-document-kind-invalid = اختر نوع هذا المستند.
expert-document-too-many = يتسع الطلب لعشرة مستندات على الأكثر؛ أزل أحدها أولًا.

## تحويل الأرباح
payouts-title = تحويل الأرباح
payouts-test-mode-note = لا تنتقل أموال حقيقية: لم يُضبط مزوّد دفع في هذا التثبيت.
payouts-ready = تحويل الأرباح جاهز: يمكن للمتعلّمين حجزك.
payouts-not-ready = أعِدّ تحويل الأرباح ليتمكن المتعلّمون من حجزك والدفع لك.
payouts-requirements = ما زال مزوّد الدفع يحتاج إلى:
payouts-start = إعداد تحويل الأرباح
payouts-continue = متابعة إعداد تحويل الأرباح
payouts-sandbox-title = إعداد تحويل الأرباح (وضع الاختبار)
payouts-sandbox-body = تحلّ هذه الصفحة محل خطوات التسجيل لدى مزوّد الدفع للحساب { $email }. إكمالها يجعل حسابك التجريبي قادرًا على تلقي المدفوعات واستلام الأرباح.
payouts-sandbox-complete = إكمال التسجيل التجريبي

## المدقّقون
admin-experts-title = التحقق من الخبراء
admin-experts-by-status = الطلبات حسب الحالة
admin-experts-empty = لا توجد طلبات هنا.
admin-experts-applicant = مقدّم الطلب
admin-experts-waiting = مدة الانتظار
admin-experts-back = العودة إلى قائمة الانتظار
admin-experts-history = القرارات حتى الآن
admin-experts-decide = القرار
admin-experts-reason = السبب (يراه مقدّم الطلب ويصله بالبريد الإلكتروني)
admin-experts-reason-hint = اذكر ما جرى التحقق منه، أو ما يجب تغييره بالتحديد.
admin-experts-record-decision = سجّل القرار
admin-experts-suspend = أوقف الخبير
admin-experts-reinstate = أعِد تفعيل الخبير
admin-experts-suspend-reason = سبب الإيقاف (يُبلَّغ به الخبير)
admin-experts-reinstate-reason = سبب إعادة التفعيل (يُبلَّغ به الخبير)
admin-experts-suspend-hint = يُخفى الخبير الموقوف من البحث، وتبقى الجلسات المحجوزة قائمة.
admin-experts-saved-decision = سُجّل القرار وأُرسل بريد إلى مقدّم الطلب.
admin-experts-saved-suspension = تم. أُرسل بريد إلى الخبير.
expert-decision-approve = قبول
expert-decision-reject = رفض
expert-decision-request-changes = طلب تعديلات
expert-decision-invalid = اختر القبول أو طلب تعديلات أو الرفض.
expert-reason-required = اكتب سببًا من 3 أحرف على الأقل.
expert-reason-too-long = اجعل السبب أقل من 2000 حرف.
age-days = { $count } يوم
age-hours = { $count } ساعة
age-minutes = { $count } دقيقة
admin-specialties-title = التخصصات
admin-specialties-category = الفئة
admin-specialties-name = تخصص جديد
admin-specialties-add = إضافة تخصص
admin-specialties-rename = إعادة تسمية
admin-specialties-rename-named = الاسم الجديد لتخصص { $name }
specialty-name-invalid = استخدم من 2 إلى 80 حرفًا للاسم.
specialty-exists = يوجد تخصص بهذا الاسم بالفعل.
specialty-category-unknown = اختر إحدى الفئات.

## البريد الإلكتروني
email-expert-approve-subject = أصبحت خبيرًا موثَّقًا على منتورا
email-expert-approve-body = مرحبًا { $name }،

    قُبل طلبك لتصبح خبيرًا. ملاحظة المدقّق: { $reason }

    الخطوة التالية: أعِدّ تحويل الأرباح ليتمكن المتعلّمون من حجزك: { $link }
email-expert-reject-subject = بشأن طلبك لتصبح خبيرًا على منتورا
email-expert-reject-body = مرحبًا { $name }،

    لا يمكننا قبول طلبك لتصبح خبيرًا. سبب المدقّق: { $reason }

    طلبك: { $link }
email-expert-request-changes-subject = طُلبت تعديلات على طلبك لتصبح خبيرًا على منتورا
email-expert-request-changes-body = مرحبًا { $name }،

    يطلب مدقّق تعديلات قبل قبول طلبك: { $reason }

    عدّله وأرسله مرة أخرى: { $link }
email-expert-suspended-subject = أُوقف ملفك كخبير على منتورا
email-expert-suspended-body = مرحبًا { $name }،

    أُوقف ملفك كخبير وأُخفي من البحث. تبقى الجلسات المحجوزة قائمة. السبب: { $reason }
email-expert-reinstated-subject = عاد ملفك كخبير على منتورا
email-expert-reinstated-body = مرحبًا { $name }،

    أصبح ملفك كخبير ظاهرًا مرة أخرى. ملاحظة: { $reason }

## الأخطاء
error-email-unverified-title = أكِّد بريدك الإلكتروني أولًا
error-email-unverified-detail = يتطلب هذا بريدًا إلكترونيًا مؤكَّدًا. استخدم الرابط الذي أرسلناه إليك، أو أعد إرساله من ملفك الشخصي.
error-application-exists-title = لقد قدّمت طلبًا بالفعل
error-application-exists-detail = يوجد طلب خبير لهذا الحساب؛ عدّله بدلًا من بدء طلب آخر.
error-application-state-title = غير ممكن في هذه المرحلة
error-application-state-detail = حالة الطلب { $status }، وهي لا تسمح بذلك.
error-payment-provider-unavailable-title = لم يستجب مزوّد الدفع
error-payment-provider-unavailable-detail = تعذّر الوصول إلى مزوّد الدفع. لم يتغير شيء؛ حاول مرة أخرى بعد قليل.
error-webhook-invalid-title = رُفض الإشعار
error-webhook-invalid-detail = لم يُقبل التسليم: { $problem }
admin-suspend-ask-title = تعليق { $name }؟
admin-suspend-ask-what = يخرج { $name } من الدليل فورًا، وتُلغى جلساته القادمة وتُسترد بالكامل.
admin-suspend-ask-reason = يُرسل إليه سببك بالبريد: { $reason }
admin-suspend-keep = عدم التعليق
expert-document-ask-title = إزالة { $file }؟
expert-document-ask-what = يُحذف الملف نهائيًا؛ ارفعه مرة أخرى إن احتجت إليه.
expert-document-keep = الإبقاء على الملف
expert-document-remove-yes = نعم، أزله
admin-review-status-none = لم يبدأ
admin-review-status-draft = مسودة: لم يرسلها المتقدم بعد
admin-review-status-submitted = مُرسلة: بانتظار قرار المُدقق
admin-review-status-changes-requested = طُلبت تعديلات: بانتظار المتقدم
admin-review-status-approved = مقبولة
admin-review-status-rejected = غير مقبولة
admin-review-field-bio = عن المتقدم
admin-review-field-specialties = التخصصات
admin-review-field-languages = يُدرّس بـ
admin-review-field-rates = الأسعار لكل جلسة
admin-review-field-video = الفيديو التعريفي
admin-audit-erased = حساب محذوف
audit-calendar-chosen = اختيار التقاويم
audit-calendar-connected = ربط تقويم
audit-calendar-disconnected = فصل تقويم
audit-calendar-reconnected = إعادة ربط تقويم
audit-expert-application-saved = حفظ طلب الخبير
audit-expert-application-submitted = إرسال طلب الخبير
audit-expert-approved = قبول الخبير
audit-expert-changes-requested = طلب تعديلات من متقدم
audit-expert-document-removed = إزالة مستند تحقق
audit-expert-document-uploaded = رفع مستند تحقق
audit-expert-reinstated = إعادة الخبير
audit-expert-rejected = رفض طلب الخبير
audit-expert-suspended = تعليق الخبير
audit-job-discarded = تجاهل مهمة خلفية
audit-job-retried = إعادة محاولة مهمة خلفية
audit-login-link-sent = إرسال رابط دخول
audit-login-link-used = دخول برابط البريد
audit-payments-commission-set = تغيير العمولة
audit-payments-rate-set = تحديد سعر الصرف
audit-payments-refunded = استرداد دفعة
audit-payouts-account-updated = تحديث حساب الدفعات
audit-payouts-onboarding-started = بدء إعداد الدفعات
audit-payouts-sandbox-completed = اكتمال إعداد الدفعات (وضع الاختبار)
audit-review-hidden = إخفاء مراجعة
audit-review-reports-cleared = إبقاء المراجعة وقراءة البلاغات
audit-review-restored = إظهار المراجعة مجددًا
audit-taxonomy-specialty-added = إضافة تخصص
audit-taxonomy-specialty-renamed = إعادة تسمية تخصص
audit-test-clock-moved = تحريك ساعة الاختبار
directory-next-free = أقرب موعد متاح: { $when } ({ $zone })
