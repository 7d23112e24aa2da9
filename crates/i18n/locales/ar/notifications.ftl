## The notification centre, its settings, unsubscribing, and live updates.

nav-notifications = الإشعارات
nav-notifications-label = الإشعارات، غير المقروءة: { $count }
notifications-new-live = لديك إشعار جديد.
notifications-title = الإشعارات
notifications-settings-link = إعدادات الإشعارات
notifications-unread = غير المقروءة: { $count }
notifications-empty = لا شيء بعد. ستظهر هنا الحجوزات والتذكيرات والمدفوعات.
notifications-read-all = تعليم الكل كمقروء
notifications-new = جديد
notifications-open = فتح
notifications-pages = مزيد من الإشعارات
notifications-newer = الأحدث
notifications-older = الأقدم
notifications-settings-title = إعدادات الإشعارات
notifications-settings-lead = اختر كيف تخبرك Mentora بكل نوع من الأخبار: هنا في Mentora، أو بالبريد الإلكتروني، أو بكليهما.
notifications-settings-saved = تم حفظ إعدادات الإشعارات.
notifications-settings-save = حفظ الإعدادات
notifications-channel-in-app = في Mentora
notifications-channel-email = بالبريد الإلكتروني
notifications-essential-note = بعض الرسائل تصل دائمًا مهما اخترت: تنبيهات الأمان، وقرارات ملفك كخبير، وتأكيد الجلسات ونقلها وإلغاؤها واسترداد مبالغها ودفع مستحقاتها والاعتراض عليها.
notifications-topic-unknown = موضوع غير معروف: استخدم bookings أو reminders أو reviews أو payouts أو applications أو security.
notifications-topic-bookings = الحجوزات
notifications-topic-bookings-hint = الحجز المؤقت والتأكيد والنقل والاقتراحات والإلغاء.
notifications-topic-reminders = التذكيرات
notifications-topic-reminders-hint = قبل كل جلسة بيوم وبساعة.
notifications-topic-reviews = التقييمات
notifications-topic-reviews-hint = بعد الجلسة، لسؤالك كيف كانت.
notifications-topic-payouts = المدفوعات
notifications-topic-payouts-hint = المال المدفوع لك كخبير، والاعتراضات على الدفع.
notifications-topic-applications = ملف الخبير
notifications-topic-applications-hint = قرارات طلبك وتعليقه وإعادته.
notifications-topic-security = الأمان
notifications-topic-security-hint = قفل الحساب وتغيير عنوان تسجيل الدخول.
unsubscribe-title = إلغاء الاشتراك
unsubscribe-ask = إيقاف الرسائل عن { $topic }؟ ستظل تراها في Mentora.
unsubscribe-confirm = إيقاف هذه الرسائل
unsubscribe-done = تم: لا مزيد من الرسائل عن { $topic }.
unsubscribe-settings = كل إعدادات الإشعارات
unsubscribe-invalid = رابط إلغاء الاشتراك هذا غير صالح. سجّل الدخول وافتح إعدادات الإشعارات.
email-unsubscribe-link = إيقاف هذه الرسائل
slots-taken-live = حجز شخص آخر للتو موعدًا كنت تنظر إليه؛ المواعيد المعروضة ما زالت متاحة.
booking-changed-live = تغيّر هذا الحجز للتو.

notification-security-alert = حدث أمني في حسابك: قفل أو تغيير في العنوان. راجع عمليات تسجيل الدخول.
notification-application-decided = صدر قرار بشأن ملفك كخبير.
notification-booking-held = { $other } يحجز وقتك في { $when } ويدفع الآن.
notification-booking-confirmed = تم تأكيد جلستك مع { $other } في { $when }.
notification-booking-rescheduled = نُقلت جلستك مع { $other } إلى { $when }.
notification-booking-cancelled = أُلغيت جلستك مع { $other } في { $when }. المبلغ المسترد: { $refund }.
notification-booking-late-refund = وصل دفع لموعد { $when } بعد انتهاء الحجز المؤقت وكان الوقت محجوزًا: تم رد { $refund }.
notification-proposal-made = يقترح { $other } نقل جلستك إلى { $when }.
notification-proposal-accepted = قبل { $other } الموعد الذي اقترحته: { $when }.
notification-proposal-declined = أبقى { $other } على الموعد الأصلي: { $when }.
notification-no-show-claimed = يقول { $other } إن جلسة { $when } لم تتم؛ سيقرر أحد المشرفين.
notification-reminder-24h = تذكير: جلستك مع { $other } غدًا، { $when }.
notification-reminder-1h = تبدأ جلستك مع { $other } بعد ساعة، في { $when }.
notification-review-request = كيف كانت جلستك مع { $other }؟ أخبر الآخرين بما تعلمته.
notification-review-received = قيّم { $other } جلستك في { $when }. يمكنك الرد مرة واحدة من صفحة الجلسة.
notification-paid-out = تم دفع حصتك من جلسة { $when }: { $refund }.
notification-dispute-opened = اعترض بنك المتعلم على دفع جلسة { $when }؛ حصتك محجوزة حتى ينتهي الاعتراض.

email-booking-proposal-accepted-subject = تم قبول الموعد الذي اقترحته
email-booking-proposal-accepted-body =
    مرحبًا { $name }،

    قبل { $other } الموعد الذي اقترحته. الجلسة الآن في { $when }.

    التفاصيل: { $link }
email-booking-proposal-declined-subject = تم رفض الموعد الذي اقترحته
email-booking-proposal-declined-body =
    مرحبًا { $name }،

    أبقى { $other } على الموعد الأصلي. تبقى الجلسة في { $when }.

    التفاصيل: { $link }
email-booking-reminder-24h-subject = غدًا: جلستك في Mentora
email-booking-reminder-24h-body =
    مرحبًا { $name }،

    تذكير: جلستك مع { $other } غدًا، { $when }.

    التفاصيل والتغييرات: { $link }

    انضم إلى الجلسة: { $room }
    مشكلة في الكاميرا أو الميكروفون؟ { $help }
email-booking-reminder-1h-subject = بعد ساعة: جلستك في Mentora
email-booking-reminder-1h-body =
    مرحبًا { $name }،

    تبدأ جلستك مع { $other } بعد ساعة، في { $when }.

    التفاصيل: { $link }

    انضم إلى الجلسة: { $room }
    مشكلة في الكاميرا أو الميكروفون؟ { $help }
email-booking-review-request-subject = كيف كانت جلستك؟
email-booking-review-request-body =
    مرحبًا { $name }،

    كيف كانت جلستك مع { $other } في { $when }؟ كلمات قليلة تساعد المتعلمين الآخرين على الاختيار.

    جلستك: { $link }
email-booking-review-received-subject = لديك تقييم جديد
email-booking-review-received-body =
    مرحبًا { $name }،

    قيّم { $other } جلستك في { $when }. اقرأه، وردّ مرة واحدة إن أردت: يظهر ردّك تحت التقييم في ملفك الشخصي.

    الجلسة: { $link }
