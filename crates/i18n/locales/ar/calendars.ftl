## التقاويم الخارجية: صفحة التقاويم وأخطاؤها وإشعار التقويم المتعذّر قراءته وحدث الجلسة
## الذي يُكتب في تقويم الخبير.

calendars-title = تقاويمك
calendars-lead = اربط التقاويم التي تستخدمها بالفعل. أوقاتها المشغولة تحجب مواعيدك فلا يحجزك أحد وأنت مشغول، ويمكن أن تظهر جلساتك المؤكدة في أحدها.
calendars-experts-only = التقاويم للخبراء: الأوقات المشغولة في تقويمك تمنع المتعلمين من حجزك وأنت مشغول. قدّم طلبًا لتصبح خبيرًا لتربط تقويمًا.
calendars-connected = التقاويم المرتبطة
calendars-none = لا يوجد تقويم مرتبط بعد.
calendars-kind-caldav = CalDAV
calendars-kind-ics = تقويم مشترك فيه
calendars-signed-in-as = مسجّل الدخول باسم
calendars-health = حالة المزامنة
calendars-healthy = يعمل: تُقرأ الأوقات المشغولة في موعدها.
calendars-last-read = آخر قراءة { $when }
calendars-never-read = لم يُقرأ بعد
calendars-next-read = القراءة التالية { $when }
calendars-which = التقاويم
calendars-which-hint = التقاويم المحددة تحجز وقتك. ويمكن لأحد تقاويمك (غير الاشتراكات) أن يستقبل جلساتك المؤكدة.
calendars-blocks = يحجب وقتي
calendars-receives = يستقبل جلساتي
calendars-receives-none = لا يستقبل أي تقويم جلساتي
calendars-busy-count = { $count ->
    [zero] لا أوقات مشغولة قادمة
    [one] وقت مشغول واحد قادم
    [two] وقتان مشغولان قادمان
    [few] { $count } أوقات مشغولة قادمة
   *[other] { $count } وقتًا مشغولًا قادمًا
}
calendars-unread-series = { $count ->
    [zero] لا توجد أحداث متكررة تعذّرت متابعتها.
    [one] تعذّرت متابعة حدث متكرر واحد: لا يحجب وقتك إلا تاريخه الأول.
    [two] تعذّرت متابعة حدثين متكررين: لا يحجب وقتك إلا تاريخاهما الأولان.
    [few] تعذّرت متابعة { $count } أحداث متكررة: لا تحجب وقتك إلا تواريخها الأولى.
   *[other] تعذّرت متابعة { $count } حدثًا متكررًا: لا تحجب وقتك إلا تواريخها الأولى.
}
calendars-keep-booking = الاستمرار في قبول الحجوزات ما دام هذا التقويم لا يمكن قراءته
calendars-keep-booking-hint = يرى المتعلمون عندها «لم يُتحقق من التقويم» بجانب مواعيدك. عند الإيقاف: تتوقف مواعيدك مؤقتًا حتى يعمل التقويم من جديد.
calendars-share-names = إظهار اسم المتعلم في أحداث الجلسات
calendars-save = حفظ اختيارات التقاويم
calendars-reconnect = إعادة الربط بكلمة مرور تطبيق جديدة
calendars-reconnect-button = إعادة الربط
calendars-disconnect = فصل هذا التقويم
calendars-caldav-title = ربط تقويم CalDAV
calendars-caldav-lead = تدعم iCloud وFastmail وNextcloud وRadicale ومعظم خدمات التقويم الأخرى بروتوكول CalDAV. استخدم كلمة مرور تطبيق مخصّصة لـ Mentora، لا كلمة مرورك الرئيسية.
calendars-field-url = عنوان الخادم
calendars-field-url-hint = مثلًا https://caldav.icloud.com/ أو https://caldav.fastmail.com/ — عنوان الخادم أو مجلد تقاويمك أو عنوان تقويم واحد.
calendars-field-username = اسم المستخدم
calendars-field-password = كلمة مرور التطبيق
calendars-field-password-hint = تُحفظ مشفّرة. ألغها لدى مزوّدك متى شئت لقطع وصول Mentora.
calendars-connect = ربط
calendars-feed-title = الاشتراك في تقويم
calendars-feed-lead = عنوان ICS للقراءة فقط («العنوان السري بتنسيق iCal» في Google، أو تقويم Outlook منشور): أحداثه تحجب وقتك، ولا يُكتب فيه شيء.
calendars-field-feed = عنوان التقويم
calendars-subscribe = اشتراك
calendars-how-title = مدى حداثة الأوقات المشغولة
calendars-how = يُقرأ كل تقويم كل 10 دقائق، فقط عندما يتغيّر. وقبل أن يحجز متعلم أحد مواعيدك، يُعاد قراءة أي تقويم قُرئ قبل أكثر من دقيقتين (إلا إذا كان ينتظر إعادة المحاولة بعد إخفاق).
calendars-done-connected = رُبط التقويم. أوقاته المشغولة تحجب مواعيدك الآن.
calendars-done-unread = رُبط التقويم، لكن تعذّرت قراءته بعد: تشرح البطاقة أدناه السبب.
calendars-done-saved = حُفظت اختيارات التقاويم.
calendars-done-reconnected = أُعيد ربط التقويم وقراءته.
calendars-done-disconnected = فُصل التقويم. لم تعد أوقاته المشغولة تحجب مواعيدك.

calendar-url-required = أدخل عنوان التقويم.
calendar-url-invalid = أدخل عنوانًا يبدأ بـ https:// أو http:// أو webcal://.
calendar-username-required = أدخل اسم المستخدم الذي تدخل به إلى التقويم.
calendar-username-too-long = اسم المستخدم طويل جدًا.
calendar-password-required = أدخل كلمة مرور تطبيق.
calendar-password-too-long = كلمة مرور التطبيق طويلة جدًا.
calendar-receiving-read-only = هذا التقويم للقراءة فقط (اشتراك، أو مشارَك معك للقراءة): اختر تقويمًا يمكنك الكتابة فيه لاستقبال الجلسات.
calendar-error-unauthorized = رفض خادم التقويم اسم المستخدم أو كلمة مرور التطبيق. أنشئ كلمة مرور تطبيق جديدة وأعد الربط.
calendar-error-gone = لم يعد التقويم موجودًا: حُذف أو نُقل.
calendar-error-unreadable = هذا العنوان لا يجيب بتقويم. تحقق من أنه عنوان CalDAV أو ICS.
calendar-error-unreachable = تعذّر الوصول إلى خادم التقويم. يواصل Mentora المحاولة.
calendar-error-refused = رفض خادم التقويم الطلب.
calendar-error-no-calendars = لا يحتوي الحساب على تقويم فيه أحداث.
calendar-error-private-address = هذا العنوان داخل شبكة خاصة لا يصل إليها Mentora. استخدم العنوان العام للتقويم.
calendar-error-secret-unreadable = لم يعد Mentora قادرًا على قراءة كلمة المرور أو العنوان المحفوظ لهذا التقويم. أعد ربطه (للتقويم المشترك فيه: افصله واشترك من جديد).
calendar-failing-paused = إلى أن يعمل من جديد، لا يستطيع المتعلمون حجز مواعيدك.
calendar-failing-keep = إلى أن يعمل من جديد، يستطيع المتعلمون حجز مواعيدك، مع علامة «لم يُتحقق من التقويم».

notification-calendar-failing = تعذّرت قراءة أحد تقاويمك: { $other }
email-calendar-failing-subject = تعذّرت قراءة تقويم مرتبط بـ Mentora
email-calendar-failing-body = مرحبًا { $name }،

    لم يتمكن Mentora من قراءة أحد تقاويمك: { $reason }
    { $consequence }

    أصلحه من صفحة تقاويمك: { $link }

error-calendar-limit-title = تقاويم كثيرة جدًا
error-calendar-limit-detail = الحد الأقصى { $count } روابط تقويم. افصل واحدًا أولًا.

calendar-event-title = جلسة Mentora
calendar-event-title-named = جلسة Mentora مع { $learner }
calendar-event-description = { $expert_time } ({ $expert_zone })
    وقت المتعلم: { $learner_time } ({ $learner_zone })
    الانضمام: { $join }
    الحجز: { $page }

availability-calendars = يمكن للأوقات المشغولة في تقاويمك الخاصة أن تحجب مواعيدك.
availability-calendars-link = اربط تقاويمك
slots-calendar-not-checked = لم يُتحقق من التقويم: تتعذّر الآن قراءة أحد تقاويم هذا الخبير، لذا قد يتعارض وقت معروض مع شيء فيه. اختار الخبير الاستمرار في قبول الحجوزات.

calendars-kind-google = تقويم Google
calendars-kind-microsoft = Microsoft 365
calendars-accounts-title = تقويم Google وMicrosoft 365
calendars-accounts-lead = سجّل الدخول بحسابك: يقرأ Mentora أوقات انشغالك، ويكتب جلساتك في أحد تقويماتك إن أردت. يمكنك قطع الاتصال في أي وقت.
calendars-connect-google = ربط تقويم Google
calendars-connect-microsoft = ربط Microsoft 365
calendars-sign-in-again = سجّل الدخول مجددًا
calendar-error-signed-out = لم يعد الحساب يمنح Mentora حق الوصول (أُلغي أو انتهت صلاحيته). سجّل الدخول مجددًا.
calendars-sign-in-denied = لم تمنح Mentora حق الوصول، لذا لم يُربط شيء.
calendars-sign-in-failed = لم يكتمل تسجيل الدخول. حاول مرة أخرى.
calendars-sign-in-other-account = سجّلت الدخول بحساب غير حساب هذا الاتصال. لإضافة ذلك الحساب استخدم زر الربط.
