# الخبراء: الطلبات والتحقق والمدفوعات والدليل والملفات العامة.

nav-find-expert = ابحث عن خبير
nav-expert-application = علّم على Mentora
nav-admin-experts = التحقق
test-mode-label = وضع الاختبار.
directory-title = ابحث عن خبير
directory-description = خبراء موثَّقون لجلسات مباشرة فردية، بلغتك وفي منطقتك الزمنية.
expert-verified = موثَّق
expert-no-reviews = لا تقييمات بعد
expert-apply-title = طلبك لتصبح خبيرًا

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
