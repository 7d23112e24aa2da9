# رفض يحمي الحسابات والأموال: عناوين غير معروفة، حجوزات، مقترحات، ملفات.
error-host-unknown-title = عنوان موقع غير معروف
error-host-unknown-detail = هذا الطلب يذكر مضيفًا لا يخدمه Mentora. افتح Mentora على عنوانه الخاص وحاول مرة أخرى.
error-token-revoked-title = انتهى تسجيل الدخول هذا
error-token-revoked-detail = رمز الوصول يخص تسجيل دخول تم إنهاؤه (تسجيل خروج أو تغيير كلمة المرور أو تغيير الصلاحيات). سجّل الدخول مرة أخرى.
field-password-weak = كلمة المرور هذه سهلة التخمين. استخدم ثلاث أو أربع كلمات غير شائعة معًا؛ لا حاجة إلى رموز أو أرقام.
field-password-weak-keyboard = صفوف وأنماط المفاتيح سهلة التخمين. استخدم بدلًا منها ثلاث أو أربع كلمات غير شائعة.
field-password-weak-repeats = الأحرف أو الكلمات المكررة سهلة التخمين. استخدم ثلاث أو أربع كلمات مختلفة غير شائعة.
field-password-weak-sequence = التسلسلات مثل abc أو 6543 سهلة التخمين. استخدم بدلًا منها ثلاث أو أربع كلمات غير شائعة.
field-password-weak-common = هذه من كلمات المرور الشائعة أو قريبة منها. استخدم ثلاث أو أربع كلمات غير شائعة معًا.
field-password-weak-dates = التواريخ والسنوات سهلة التخمين. تجنبها وأضف كلمة أو كلمتين غير شائعتين.
field-password-weak-personal = اسمك أو بريدك الإلكتروني أو كلمة واحدة سهلة التخمين. أضف كلمتين أو ثلاث كلمات غير شائعة.
field-password-weak-names = الأسماء وأسماء العائلة سهلة التخمين. أضف كلمتين أو ثلاث كلمات غير شائعة.
error-hold-limit-title = حجوزات غير مدفوعة كثيرة
error-hold-limit-detail = لديك بالفعل { $count } مواعيد محجوزة لم تدفع ثمنها. ادفع لأحدها أو اتركه ينتهي قبل حجز موعد آخر.
error-reschedule-limit-title = لا يمكن نقل هذه الجلسة مرة أخرى
error-reschedule-limit-detail = نُقلت { $count } مرات بالفعل. ألغها بدلًا من ذلك وفق سياسة الخبير.
error-proposal-expired-title = انتهت صلاحية الموعد المقترح
error-proposal-expired-detail = كان يمكن قبول اقتراح الخبير حتى بداية الجلسة فقط.
error-no-show-too-early-title = من المبكر الإبلاغ عن الغياب
error-no-show-too-early-detail = قد يتأخر الخبراء قليلًا: يمكن الإبلاغ عن غياب الخبير بعد { $minutes } دقيقة من البداية.
error-own-application-title = ليس طلبك الخاص
error-own-application-detail = يجب أن يقرر مشغّل آخر في طلبك الخاص لتصبح خبيرًا.
booking-confirm-email-first = أكّد بريدك الإلكتروني لتحجز: افتح الرابط الذي أرسلناه إليك ثم عد إلى هذه الصفحة. يبقى هذا الموعد متاحًا للآخرين حتى تحجزه.
booking-confirm-email-resend = أرسل رابط التأكيد مرة أخرى
email-booking-no-show-claim-subject = تم الإبلاغ عن جلسة فائتة
email-booking-no-show-claim-body = مرحبًا { $name }،

    تم الإبلاغ عن أن الخبير لم يحضر جلسة { $when } بينك وبين { $other }. لم يُسترد شيء بعد: يمكن للخبير الرد، وسيحسم مشغّل من Mentora الأمر وفق ما يقوله الطرفان.

    التفاصيل: { $link }
booking-settlement-required = حدّد كيف يُحسم النزاع: استرداد المبلغ للمتعلم أو تبقى الجلسة قائمة.
error-control-character-title = حرف لا يقبله أي نص
error-control-character-detail = يحتوي الطلب على حرف NUL ‏(U+0000) أو، في عنوانه، حرف تحكم آخر. لا يقبلها أي حقل نصي؛ احذفه وأعد الإرسال.
