# الجدولة: قواعد التوفر والمحرر والمواعيد المتاحة.

nav-availability = أوقات التوفر

error-expert-profile-required-title = أنشئ ملفك كخبير أولًا
error-expert-profile-required-detail = أوقات التوفر جزء من ملف الخبير. ابدأ طلبك من ‎/experts/apply ثم حدِّد ساعاتك.
error-time-zone-unknown-title = منطقة زمنية غير معروفة
error-time-zone-unknown-detail = «{ $zone }» ليست منطقة زمنية نعرفها. استخدم اسم IANA مثل Europe/Madrid.
error-duration-not-offered-title = مدة الجلسة غير متاحة
error-duration-not-offered-detail = لا يقدّم هذا الخبير جلسات مدتها { $minutes } دقيقة.
error-slot-window-invalid-title = نافذة زمنية غير صالحة
error-slot-window-invalid-detail = النافذة غير صالحة ({ $part }): أعطِ from وto بصيغة RFC 3339 أو كتواريخ، على أن يأتي to بعد from.
error-slot-window-too-large-title = النافذة الزمنية كبيرة جدًا
error-slot-window-too-large-detail = اطلب { $days } يومًا من المواعيد على الأكثر في المرة الواحدة.

availability-title = أوقات توفرك
availability-saved = حُفظت أوقات التوفر. يرى المتعلمون التغيير فورًا.
availability-zone = منطقتك الزمنية
availability-weekly = الساعات الأسبوعية
availability-from = من
availability-to = إلى
availability-save = حفظ أوقات التوفر
weekday-mon = الاثنين
weekday-tue = الثلاثاء
weekday-wed = الأربعاء
weekday-thu = الخميس
weekday-fri = الجمعة
weekday-sat = السبت
weekday-sun = الأحد
slots-title = احجز جلسة
slots-zone = الأوقات معروضة بتوقيت
slots-previous-week = الأسبوع السابق
slots-next-week = الأسبوع التالي
slots-none-day = لا أوقات متاحة
availability-day-closed = مغلق
availability-day-time-off = إجازة
