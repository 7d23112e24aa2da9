## Shell
site-name = منتورا
site-description = تعلّم من خبراء موثّقين في جلسات مباشرة فردية، تُحجز بتوقيتك المحلي.
skip-to-content = انتقل إلى المحتوى
nav-label = الرئيسية
nav-menu = القائمة
nav-how-it-works = كيف يعمل
nav-for-learners = للمتعلّمين
nav-for-experts = للخبراء
nav-trust = لماذا منتورا
nav-open-source = مفتوح المصدر
# This language's name in itself, shown in every language's switcher.
language-native-name = العربية
language-label = اللغة
footer-nav-label = استكشف
footer-tagline = جلسات مباشرة فردية مع خبراء موثّقين.
footer-open-source = منتورا برنامج مفتوح المصدر يمكنك تشغيله بنفسك.

## Home
home-title = منتورا — تعلّم من خبراء موثّقين، مباشرةً وبشكل فردي
home-eyebrow = تعلّم مباشر وفردي
home-headline = تعلّم أسرع مع خبير سبق له أن فعلها.
home-lead = حدّد هدفك التعليمي، وابحث عن خبير موثّق، واحجز جلسة فيديو مباشرة في وقت يناسبك، معروضة بتوقيتك المحلي.
home-cta-learn = ابدأ التعلّم
home-cta-teach = علّم على منتورا
how-title = كيف يعمل
how-lead = طرفان ووعد بسيط: الخبير المناسب، في الوقت المناسب، وبسعر عادل.
learners-title = للمتعلّمين
learners-step1-title = اعثر على خبيرك
learners-step1-body = ابحث حسب التخصص واللغة والسعر والتقييم. يراجع فريقنا كل خبير قبل ظهوره.
learners-step2-title = احجز موعدًا متاحًا فعلًا
learners-step2-body = اطّلع على المواعيد المتاحة فعلًا بتوقيتك. يُحجز موعدك لك أثناء الدفع فلا يأخذه أحد غيرك.
learners-step3-title = التقِ واحتفظ بما تعلّمته
learners-step3-body = ادخل غرفة الفيديو من متصفحك، وشارك الملاحظات والموارد، وقيّم الجلسة بعد انتهائها.
experts-title = للخبراء
experts-step1-title = قدّم طلبك واحصل على التوثيق
experts-step1-body = أخبرنا عن خبرتك وارفع شهاداتك. نراجع كل طلب ونشرح كل قرار.
experts-step2-title = حدّد ساعاتك وأسعارك
experts-step2-body = اختر مواعيدك الأسبوعية ومدد الجلسات والأسعار بعملتك. اربط تقويمك لتجنّب التعارض.
experts-step3-title = احصل على أجرك عن كل جلسة
experts-step3-body = يدفع المتعلّمون مقدّمًا. بعد كل جلسة تصل أرباحك مباشرة إلى حسابك المصرفي بعد خصم عمولة واضحة.
trust-title = لماذا منتورا
trust-verified-title = خبراء موثّقون
trust-verified-body = يراجع أشخاص الهوية والشهادات، ويُسجَّل كل قرار.
trust-zones-title = الوقت الصحيح في كل مكان
trust-zones-body = تُحسب المواعيد بتوقيت الخبير وتُعرض بتوقيتك، بدقة حتى عند تغيير التوقيت الصيفي.
trust-payments-title = مدفوعات آمنة
trust-payments-body = تذهب بيانات بطاقتك مباشرة إلى معالج الدفع. تتبع المبالغ المستردة السياسة التي رأيتها عند الحجز.
trust-data-title = بياناتك ملكك
trust-data-body = صدّر كل ما نحتفظ به عنك، أو احذف حسابك، في أي وقت.
oss-title = مفتوح المصدر، شغّله بنفسك
oss-body = منتورا برنامج واحد. شغّله على حاسوب محمول دون أي إعداد، أو شغّل عدة نسخ على PostgreSQL وRedis لمؤسسة كاملة.

## Home: example session card
example-caption = جلسة نموذجية
example-expert-initials = أ
example-expert-name = أمارا أوكافور
example-expert-specialty = هندسة البيانات · الإنجليزية، الفرنسية
example-verified = موثّقة
example-your-time = توقيتك (مدريد)
example-your-time-value = الثلاثاء من 14:00 إلى 15:00
example-their-time = توقيت أمارا (لاغوس)
example-their-time-value = الثلاثاء من 13:00 إلى 14:00
example-length = الجلسة
example-length-value = مكالمة فيديو مدتها 60 دقيقة
example-note = تُفتح الغرفة قبل البدء بعشر دقائق. الإلغاء مجاني حتى 24 ساعة قبل الموعد.

## Accounts
nav-log-in = تسجيل الدخول
nav-sign-up = إنشاء حساب
nav-log-out = تسجيل الخروج
nav-outbox = صندوق الصادر
signed-in-as = مسجّل الدخول باسم { $name }
form-error-summary = يرجى تصحيح ما يلي:
field-display-name = اسمك
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-password-hint = من 8 إلى 128 حرفًا. العبارة الطويلة سهلة التذكر وصعبة التخمين.
field-email-required = أدخل بريدك الإلكتروني.
field-email-invalid = أدخل بريدًا إلكترونيًا مثل name@example.com.
field-password-too-short = استخدم 8 أحرف على الأقل.
field-password-too-common = كلمة المرور هذه من الأكثر شيوعًا، لذا يسهل تخمينها. اختر غيرها.
field-password-too-long = استخدم 128 حرفًا على الأكثر.
field-name-required = أدخل اسمك.
field-name-too-long = استخدم 100 حرف على الأكثر.
field-name-invalid = أزل أحرف التحكم غير المرئية من اسمك.
signup-title = أنشئ حسابك
signup-lead = تعلّم من خبراء موثّقين. لن يستغرق الأمر سوى دقيقة.
signup-submit = إنشاء الحساب
signup-have-account = لديك حساب بالفعل؟
check-inbox-title = تحقّق من بريدك الوارد
check-inbox-body = إذا كان بإمكان { $email } استقبال البريد، فستصلك رسالة برابط لتأكيد العنوان. يعمل الرابط لمدة 24 ساعة.
verify-title = أكّد بريدك الإلكتروني
verify-lead = اضغط الزر لتأكيد أن هذا العنوان لك.
verify-submit = تأكيد بريدي الإلكتروني
verify-done-title = تم تأكيد بريدك الإلكتروني
verify-done-body = شكرًا لك. يمكنك الآن تسجيل الدخول وحجز الجلسات.
verify-invalid-title = هذا الرابط لا يعمل
verify-invalid-body = ربما انتهت صلاحيته أو استُخدم من قبل أو نُسخ بشكل ناقص. سجّل الدخول لطلب رابط جديد.
login-title = تسجيل الدخول
login-submit = تسجيل الدخول
login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحين.
login-no-account = جديد على منتورا؟
outbox-title = صندوق الصادر
outbox-lead = رسائل البريد التي كانت منتورا سترسلها. لم يُضبط خادم SMTP، لذلك تُحفظ الرسائل هنا.
outbox-empty = لا توجد رسائل بعد.
outbox-to = إلى
email-verify-subject = أكّد بريدك الإلكتروني في منتورا
email-verify-body =
    مرحبًا { $name }،

    يرجى تأكيد بريدك الإلكتروني بفتح هذا الرابط:
    { $link }

    يعمل الرابط لمدة 24 ساعة. إذا لم تسجّل في منتورا، فتجاهل هذه الرسالة.
email-signup-exists-subject = حاول شخص ما التسجيل ببريدك الإلكتروني
email-signup-exists-body =
    حاول شخص ما إنشاء حساب في منتورا بهذا البريد الإلكتروني، وهو مرتبط بحساب موجود.

    إذا كنت أنت، فسجّل الدخول: { $login_url }
    إذا لم تكن أنت، فلا حاجة لأي إجراء؛ حسابك لم يتغيّر.
error-forbidden-title = غير مسموح
error-forbidden-detail = لا يملك حسابك صلاحية القيام بذلك.
error-csrf-failed-title = انتهت صلاحية النموذج
error-csrf-failed-detail = تعذّر قبول هذا النموذج لأن رمز الأمان مفقود أو قديم. ارجع وأعد تحميل الصفحة وحاول مرة أخرى.

login-forgot = نسيت كلمة المرور؟
forgot-title = إعادة تعيين كلمة المرور
forgot-lead = أدخل البريد الإلكتروني لحسابك وسنرسل لك رابطًا لاختيار كلمة مرور جديدة.
forgot-submit = أرسل لي رابطًا
forgot-sent = إذا كان لدى { $email } حساب في منتورا، فسيصلك رابط لاختيار كلمة مرور جديدة. يعمل الرابط لمدة 30 دقيقة.
field-new-password = كلمة المرور الجديدة
reset-title = اختر كلمة مرور جديدة
reset-submit = حفظ كلمة المرور الجديدة
reset-done-title = تم تغيير كلمة المرور
reset-done-body = تم تسجيل خروجك من جميع الأجهزة. سجّل الدخول بكلمة المرور الجديدة.
reset-invalid-body = ربما انتهت صلاحية هذا الرابط (تعمل الروابط لمدة 30 دقيقة) أو استُخدم من قبل أو نُسخ بشكل ناقص. اطلب رابطًا جديدًا.
email-reset-subject = إعادة تعيين كلمة مرورك في منتورا
email-reset-body =
    مرحبًا { $name }،

    طلب أحدهم إعادة تعيين كلمة مرور حسابك في منتورا. لاختيار كلمة مرور جديدة، افتح هذا الرابط:
    { $link }

    يعمل الرابط لمدة 30 دقيقة. إذا لم تطلب ذلك، فتجاهل هذه الرسالة؛ تبقى كلمة مرورك كما هي.

security-title = الأمان
sessions-title = الأجهزة المسجّل دخولك منها
session-this-device = هذا الجهاز
session-end = تسجيل الخروج من هذا الجهاز
session-last-seen = آخر نشاط
session-unknown-device = جهاز غير معروف
log-out-everywhere = تسجيل الخروج من كل مكان
events-title = أحداث الأمان الأخيرة
events-what = الحدث
events-when = الوقت (UTC)
events-where = عنوان IP
audit-account-created = تم إنشاء الحساب
audit-signup-existing-email = حاول شخص ما التسجيل ببريدك
audit-email-verified = تم تأكيد البريد الإلكتروني
audit-login-succeeded = تسجيل دخول
audit-login-failed = محاولة دخول فاشلة
audit-logout = تسجيل خروج
audit-logout-everywhere = تسجيل الخروج من كل مكان
audit-session-ended = تم تسجيل خروج جهاز آخر
audit-password-reset-requested = طلب إعادة تعيين كلمة المرور
audit-password-reset = تغيير كلمة المرور برابط
audit-password-rehashed = تحديث طريقة حفظ كلمة المرور

## Errors
error-status = خطأ { $status }
error-request-id = معرّف الطلب: { $id }. اذكره إذا تواصلت مع الدعم.
error-go-home = اذهب إلى الصفحة الرئيسية
error-not-found-title = الصفحة غير موجودة
error-not-found-detail = لا يوجد شيء على هذا العنوان. ربما نُقل أو أن الرابط مكتوب بشكل خاطئ.
error-method-not-allowed-title = الطريقة غير مسموح بها
error-method-not-allowed-detail = لا يقبل هذا العنوان هذا النوع من الطلبات.
error-bad-request-title = طلب غير صالح
error-bad-request-detail = تعذّر فهم الطلب: { $problem }
error-malformed-json-title = JSON غير صالح
error-malformed-json-detail = جسم الطلب ليس JSON صالحًا: { $problem } (السطر { $line }، العمود { $column }).
error-invalid-body-title = جسم طلب غير صالح
error-invalid-body-detail = لا يطابق جسم الطلب ما تتوقعه نقطة الوصول هذه: { $problem }
error-unsupported-media-type-title = نوع محتوى غير مدعوم
error-unsupported-media-type-detail = أرسل جسم الطلب بصيغة { $expected }.
error-payload-too-large-title = الطلب كبير جدًا
error-payload-too-large-detail = جسم الطلب أكبر مما يقبله هذا الخادم.
error-request-timeout-title = انتهت مهلة الطلب
error-request-timeout-detail = استغرق الخادم وقتًا طويلًا للرد. يرجى المحاولة مرة أخرى.
error-internal-title = حدث خطأ ما
error-internal-detail = حدث خطأ غير متوقع من جهتنا. تم تسجيله وسنعمل على معالجته.
error-storage-full-title = مساحة التخزين ممتلئة
error-storage-full-detail = نفدت مساحة القرص على الخادم، لذلك لم يتغير شيء. يرجى المحاولة مرة أخرى بعد دقيقة.

## الحسابات: الملف الشخصي، العوامل الثانية، الحدود، المشرفون

nav-profile = الملف الشخصي
nav-admin-users = الحسابات
nav-admin-audit = سجل التدقيق
login-rate-limited = محاولات كثيرة جدًا. انتظر { $minutes } دقيقة ثم حاول مرة أخرى.
field-time-zone = المنطقة الزمنية
field-time-zone-hint = منطقة من قاعدة IANA مثل Asia/Riyadh أو Africa/Cairo. نملأ منطقة متصفحك تلقائيًا.
field-currency = العملة
field-currency-hint = رمز ISO 4217 من ثلاثة أحرف مثل SAR أو EGP أو USD. تُعرض الأسعار بها.
field-current-password = كلمة المرور الحالية
field-current-password-wrong = هذه ليست كلمة مرورك الحالية.
field-new-email = البريد الإلكتروني الجديد
field-email-unavailable = لا يمكن استخدام هذا العنوان. اختر عنوانًا آخر.
field-locale = اللغة
field-languages = اللغات التي تتحدثها
field-languages-hint = رموز ISO 639-1 من حرفين مفصولة بفواصل، مثل ar, en, fr.
field-learning-goals = أهداف التعلم
field-session-length = مدة الجلسة المفضلة
field-video-provider = الفيديو
field-reminder-channels = التذكيرات عبر
field-avatar = ملف الصورة
field-avatar-hint = PNG أو JPEG أو WebP أو GIF حتى 5 ميغابايت. تُقص إلى مربع.
field-avatar-required = اختر ملف صورة لرفعه.
field-avatar-too-large = حجم الملف أكبر من 5 ميغابايت.
field-avatar-not-image = هذا الملف ليس صورة PNG أو JPEG أو WebP أو GIF.
field-avatar-too-many-pixels = الصورة أكبر من 4096 × 4096 بكسل أو 16 ميغابكسل.
field-totp-code = الرمز من تطبيقك
field-totp-code-wrong = هذا الرمز غير صحيح. تحقق من الوقت في هاتفك وأدخل الرمز الحالي.
field-second-factor-code = رمز التحقق
field-second-factor-code-hint = الرمز المكوّن من 6 أرقام من تطبيق المصادقة، أو أحد رموز الاسترداد.
profile-time-zone-invalid = أدخل منطقة زمنية من قاعدة ⁨IANA⁩، مثل ⁨Asia/Riyadh⁩.
profile-currency-invalid = أدخل رمز عملة ⁨ISO 4217⁩ من ثلاثة أحرف، مثل ⁨SAR⁩.
profile-languages-invalid = استخدم رموز ⁨ISO 639-1⁩ من حرفين مفصولة بفواصل (20 رمزًا على الأكثر).
profile-learning-goals-too-long = اجعل أهداف التعلم أقل من 2000 حرف.
profile-locale-invalid = اختر إحدى اللغات المعروضة.
profile-session-length-invalid = اختر إحدى مدد الجلسات المعروضة.
profile-video-provider-invalid = اختر أحد خيارات الفيديو المعروضة.
profile-reminder-channels-invalid = اختر التذكير في Mentora أو بالبريد الإلكتروني.
profile-title = ملفك الشخصي
profile-details = التفاصيل والتفضيلات
profile-avatar = الصورة
profile-avatar-current = صورتك الحالية
profile-avatar-upload = رفع صورة
profile-session-preferences = تفضيلات الجلسات
profile-save = حفظ الملف الشخصي
profile-email = البريد الإلكتروني
profile-email-verified = مؤكَّد
profile-email-unverified = غير مؤكَّد بعد
profile-email-change = تغيير البريد الإلكتروني
profile-password = كلمة المرور
profile-password-change = تغيير كلمة المرور
profile-saved-profile = حُفظ ملفك الشخصي.
profile-saved-avatar = حُدّثت صورتك.
profile-saved-email = تحقّق من بريدك الوارد الجديد: أرسلنا رابطًا لتأكيد العنوان، وأبلغنا عنوانك القديم بالتغيير.
profile-saved-password = تغيّرت كلمة مرورك، وسُجّل خروج أجهزتك الأخرى.
minutes-count = { $count } دقيقة
minutes-short = { $count } د
video-provider-builtin = غرفة فيديو منتورا
video-provider-zoom = Zoom
video-provider-meet = Google Meet
video-provider-jitsi = Jitsi Meet
reminder-email = البريد الإلكتروني
reminder-in-app = في Mentora (مركز الإشعارات)
second-factor-title = التحقق بخطوتين
second-factor-lead = أدخل الرمز من تطبيق المصادقة لإكمال تسجيل الدخول.
second-factor-wrong = هذا الرمز غير صحيح أو سبق استخدامه. جرّب الرمز الحالي أو رمز استرداد.
second-factor-submit = تحقق
factors-title = التحقق بخطوتين
factor-totp = تطبيق المصادقة
factor-totp-off = غير مُعَدّ. أضف تطبيقًا مثل ⁨Aegis⁩ أو ⁨Google Authenticator⁩ أو ⁨1Password⁩ للحصول على رمز عند كل تسجيل دخول.
factor-totp-add = إعداد تطبيق مصادقة
factor-added = أُضيف
factor-last-used = آخر استخدام
factor-remove = إزالة
factor-recovery-codes = رموز الاسترداد
factor-recovery-codes-left = رموز الاسترداد غير المستخدمة المتبقية: { $count }.
factor-recovery-codes-new = إنشاء رموز استرداد جديدة
totp-enrol-title = إعداد تطبيق المصادقة
totp-enrol-step-scan = امسح رمز ⁨QR⁩ هذا بتطبيق المصادقة.
totp-enrol-step-code = أدخل الرمز المكوّن من 6 أرقام الذي يعرضه التطبيق.
totp-enrol-manual = لا يمكنك المسح؟ أدخل هذا المفتاح في التطبيق بدلًا من ذلك:
totp-enrol-submit = تفعيل التحقق بخطوتين
totp-qr-label = رمز ⁨QR⁩ لتطبيق المصادقة
recovery-codes-title = رموز الاسترداد الخاصة بك
recovery-codes-lead = احفظها في مكان آمن. يعمل كلٌّ منها مرة واحدة بدلًا من رمز التطبيق إن فقدت هاتفك. لن تُعرض مرة أخرى.
recovery-codes-done = لقد حفظتها
email-lockout-subject = أُوقف تسجيل الدخول إلى حسابك في منتورا بعد محاولات فاشلة
email-lockout-body = مرحبًا { $name }،

    حاول أحدهم تسجيل الدخول إلى حسابك في منتورا بكلمة مرور خاطئة عدة مرات، لذا توقف تسجيل الدخول مؤقتًا (نحو { $minutes } دقيقة).

    إن كنت أنت، فانتظر ثم حاول مرة أخرى، أو أعد تعيين كلمة مرورك. وإن لم تكن أنت، فحسابك آمن: فكّر في تفعيل التحقق بخطوتين.
email-address-changed-subject = تغيّر البريد الإلكتروني لحسابك في منتورا
email-address-changed-body = مرحبًا { $name }،

    تغيّر البريد الإلكتروني لحسابك في منتورا إلى { $new_email }.

    إن لم تفعل ذلك، فأعد تعيين كلمة مرورك الآن وتواصل مع الدعم.
admin-users-title = الحسابات
admin-users-search = البريد الإلكتروني أو الاسم
admin-users-search-submit = بحث
admin-users-account = الحساب
admin-users-roles = الأدوار
admin-users-change = تغيير الأدوار
admin-grant-expert = منح دور الخبير
admin-grant-admin = منح دور المسؤول
admin-revoke-expert = إزالة دور الخبير
admin-revoke-admin = إزالة دور المسؤول
role-learner = متعلّم
role-expert = خبير
role-admin = مسؤول
admin-audit-title = سجل التدقيق
admin-audit-kind = الحدث
admin-audit-from = من
admin-audit-to = إلى
admin-audit-filter = تصفية
admin-audit-account = الحساب
admin-audit-actor = المنفِّذ
admin-audit-empty = لا أحداث تطابق عوامل التصفية هذه.
audit-login-password-ok = قبول كلمة المرور بانتظار الخطوة الثانية
audit-login-succeeded-api = تسجيل دخول من تطبيق
audit-login-locked-out = إيقاف تسجيل الدخول مؤقتًا بعد محاولات فاشلة
audit-second-factor-totp-ok = قبول رمز تطبيق المصادقة
audit-second-factor-recovery-code-used = استخدام رمز استرداد
audit-second-factor-failed = رمز تحقق خاطئ
audit-factor-totp-added = إضافة تطبيق مصادقة
audit-factor-totp-removed = إزالة تطبيق مصادقة
audit-factor-recovery-codes-issued = إنشاء رموز استرداد جديدة
audit-token-reuse-detected = قُدّم رمز دخول مستخدم من قبل مرة أخرى، فأُنهي تسجيل الدخول ذاك
audit-logout-api = تسجيل خروج من تطبيق
audit-profile-updated = تحديث الملف الشخصي
audit-profile-avatar-changed = تغيير الصورة
audit-password-changed = تغيير كلمة المرور
audit-email-changed = تغيير البريد الإلكتروني
audit-role-granted = منح دور
audit-role-revoked = إزالة دور
error-unauthorized-title = لم تسجّل الدخول
error-unauthorized-detail = يتطلب هذا حسابًا مسجّل الدخول. أرسل رمز وصول في ترويسة Authorization ‏(Bearer).
error-token-malformed-title = رمز غير صالح الصيغة
error-token-malformed-detail = لا تحتوي ترويسة Authorization على رمز وصول Bearer سليم الصيغة.
error-token-expired-title = انتهت صلاحية الرمز
error-token-expired-detail = انتهت صلاحية رمز الوصول. احصل على رمز جديد برمز التحديث.
error-token-invalid-title = رمز غير صالح
error-token-invalid-detail = توقيع رمز الوصول أو بياناته غير صالحة.
error-refresh-token-invalid-title = رمز تحديث غير صالح
error-refresh-token-invalid-detail = رمز التحديث غير معروف أو منتهي الصلاحية أو ملغى. سجّل الدخول من جديد.
error-refresh-token-reused-title = أُعيد استخدام رمز التحديث
error-refresh-token-reused-detail = سبق استخدام رمز التحديث هذا، فأُلغيت كل رموز هذا الدخول حفاظًا على الأمان. سجّل الدخول من جديد.
error-invalid-credentials-title = البريد أو كلمة المرور غير صحيحة
error-invalid-credentials-detail = عنوان البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-second-factor-required-title = يلزم عامل ثانٍ
error-second-factor-required-detail = يستخدم هذا الحساب التحقق بخطوتين: أرسل الرمز من تطبيق المصادقة (أو رمز استرداد) في الحقل "totp".
error-second-factor-invalid-title = رمز غير صحيح
error-second-factor-invalid-detail = رمز التحقق غير صحيح أو سبق استخدامه.
error-rate-limited-title = طلبات كثيرة جدًا
error-rate-limited-detail = محاولات كثيرة جدًا. حاول مرة أخرى بعد { $seconds } ثانية.
error-validation-failed-title = بعض الحقول غير صالحة
error-validation-failed-detail = صحّح الحقول المذكورة في "errors" ثم حاول مرة أخرى.

## مفاتيح المرور
factor-passkeys = مفاتيح المرور
factor-passkeys-lead = سجّل الدخول ببصمتك أو وجهك أو قفل الشاشة بدلًا من كلمة المرور، أو استخدم مفتاح مرور كخطوة ثانية.
factor-passkey-add = إضافة مفتاح مرور
field-passkey-name-label = اسم مفتاح المرور هذا
passkey-default-name = مفتاح المرور الخاص بي
field-passkey-name = سمِّ مفتاح المرور باسم لا يتجاوز 100 حرف.
field-passkey-rejected = لم يُقبل مفتاح المرور. حاول مرة أخرى أو استخدم مفتاحًا آخر.
login-with-passkey = استخدام مفتاح مرور
second-factor-use-passkey = استخدام مفتاح مرور بدلًا من ذلك
audit-factor-passkey-added = إضافة مفتاح مرور
audit-factor-passkey-removed = إزالة مفتاح مرور
audit-login-passkey = تسجيل دخول بمفتاح مرور
audit-second-factor-passkey-ok = قبول مفتاح مرور كخطوة ثانية
error-passkeys-unavailable-title = مفاتيح المرور غير متاحة هنا
error-passkeys-unavailable-detail = تعمل مفاتيح المرور فقط عند فتح Mentora باسمه، لا عند { $origin }. افتحه باسمه (مثل http://localhost) وحاول مرة أخرى.

profile-email-resend = إرسال رابط التأكيد مرة أخرى
profile-saved-verification = أرسلنا رابط تأكيد جديدًا. تحقق من بريدك.
session-signed-in = تسجيل الدخول
audit-email-verification-resent = أُعيد إرسال رابط التأكيد

nav-admin-jobs = المهام
jobs-title = المهام في الخلفية
jobs-lead = العمل الذي يقوم به Mentora في الخلفية: الرسائل، وتحرير الحجوزات المؤقتة المنتهية، والصيانة. تُعاد المهمة الفاشلة بفترات انتظار متزايدة، وبعد محاولتها الأخيرة تصبح متوقفة حتى تعيد تشغيلها.
jobs-depth = قائمة الانتظار حسب النوع
jobs-depth-empty = لا شيء في الانتظار أو قيد التشغيل أو متوقف.
jobs-oldest = منذ
jobs-filter = عرض المهام
jobs-unfinished = غير منتهية
jobs-status-queued = في الانتظار
jobs-status-running = قيد التشغيل
jobs-status-failed = فشلت وستُعاد
jobs-status-succeeded = منتهية
jobs-status-dead = متوقفة
jobs-empty = لا توجد مهام هنا.
jobs-attempts = المحاولات
jobs-run-at = موعد التشغيل
jobs-updated-at = آخر تغيير
jobs-id = المهمة
jobs-last-error = آخر خطأ:
jobs-retry = إعادة المحاولة
jobs-discard = تجاهل
error-job-state-title = غير ممكن لهذه المهمة الآن
error-job-state-detail = حالة المهمة { $status }: لا يُعاد إلا ما فشل أو توقف، ولا يُتجاهل إلا ما ينتظر أو فشل.

test-clock-banner = وضع الاختبار: الوقت المُحاكى هو { $now }.
test-clock-banner-link = ساعة الاختبار
test-clock-title = ساعة الاختبار
test-clock-lead = في بيئة الاختبار، قدّم الوقت لترى انتهاء حجز مؤقت أو وصول تذكير أو انتهاء جلسة دون انتظار. تُنفَّذ المهام المستحقة فورًا. لا يعود الوقت إلى الوراء أبدًا.
test-clock-simulated = الوقت المُحاكى
test-clock-real = الوقت الحقيقي
test-clock-ahead = متقدم بمقدار
test-clock-ahead-value = { $days } ي { $hours } س { $minutes } د
test-clock-advance = تقديم الوقت
test-clock-preset-11m = 11 دقيقة
test-clock-preset-1h = ساعة واحدة
test-clock-preset-1d = يوم واحد
test-clock-preset-1w = أسبوع واحد
test-clock-advance-by = تقديم بمقدار
test-clock-advance-hint = مثل 90m أو 2h 30m أو 48h.
test-clock-set-to = أو الانتقال إلى
test-clock-set-hint = وقت لاحق للوقت المُحاكى، مثل 2026-12-24T09:00:00Z.
test-clock-move = تحريك الساعة
test-clock-advance-invalid = اكتب مدة مثل 90m أو 2h 30m أو 48h.
test-clock-set-invalid = اكتب وقتًا مثل 2026-12-24T09:00:00Z.
test-clock-one-move = حدّد مدة للتقديم أو وقتًا للانتقال إليه، لا كليهما.
test-clock-forward-only = الساعة تتقدم فقط: اختر وقتًا لاحقًا.
test-clock-too-far = لا تتجاوز الحركة الواحدة سنة.
test-clock-past-limit = لا يتقدّم الوقت المحاكى أكثر من عشر سنوات في المجموع، وهو قريب من ذلك بالفعل.

## The API documentation page
api-docs-title = واجهة برمجة منتورا
api-docs-lead = كل نقاط النهاية تحت ⁨/api/v1⁩، موصوفة من الشيفرة. سجّل الدخول عبر ⁨POST /api/v1/auth/login⁩، ثم اضغط «Authorize» والصق رمز الوصول لتجربة الطلبات باسمك.
api-docs-noscript = يحتاج المرجع التفاعلي إلى JavaScript؛ أما المستند نفسه، المرتبط أعلاه، فهو JSON عادي.
api-docs-reference = المرجع
test-mode-banner = وضع الاختبار: المدفوعات محاكاة ولا تنتقل أموال حقيقية.
commission-bps-invalid = أدخل نسبة بنقاط الأساس من 0 إلى 10000 (1500 تعني 15 %)، أو اتركها فارغة لتطبيق نسبة المنصة.
payments-title = المدفوعات
payments-lead = ابحث عن حجز مدفوع وردّ مبلغه مع ذكر السبب، وتابع التحويلات إلى الخبراء والاعتراضات على الدفع، واقرأ تقرير العمولات وميزان المراجعة.
payments-at = حتى تاريخ
payments-at-hint = لحظة مثل 2026-12-31T23:59:59Z؛ الآن افتراضيًا.
payments-show = عرض
payments-empty = لم تتحرك أي أموال بعد.
payments-balanced = متوازن: مجموع الحسابات صفر.
payments-unbalanced = غير متوازن: مجموع الحسابات ليس صفرًا. راجع الدفتر قبل أي دفعة.
payments-account = الحساب
payments-balance = الرصيد
nav-admin-payments = المدفوعات
payments-at-invalid = ليس وقتًا مقروءًا: اكتبه هكذا 2026-12-31T23:59:59Z.
admin-role-ask-grant-title = منح { $name } دور «{ $role }»؟
admin-role-ask-revoke-title = سحب دور «{ $role }» من { $name }؟
admin-role-ask-grant = يحصل { $name } ({ $email }) على دور «{ $role }» فورًا، على كل أجهزته.
admin-role-ask-revoke = يفقد { $name } ({ $email }) دور «{ $role }» فورًا، على كل أجهزته.
admin-role-allows-admin = يتحقق المسؤولون من الخبراء، ويغيّرون أدوار أي شخص، ويستردّون المدفوعات، ويقرؤون سجل التدقيق.
admin-role-allows-expert = للخبراء ملف عام، ويحددون ساعاتهم وأسعارهم، ويتقاضون أجر جلساتهم.
admin-role-keep = إبقاء الأدوار كما هي
opens-in-new-tab = (يُفتح في علامة تبويب جديدة)
verify-continue = متابعة
verify-continue-where = العودة إلى حيث كنت
verify-log-in-where = سجّل الدخول وعد إلى حيث كنت
