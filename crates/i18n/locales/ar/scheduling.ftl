# الجدولة: قواعد التوفر والمحرر والمواعيد المتاحة.

nav-availability = أوقات التوفر

## الأخطاء
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

## التحقق من المدخلات
availability-zone-invalid = اختر منطقة زمنية باسمها في ⁨IANA⁩، مثل ⁨Europe/Madrid⁩.
availability-weekday-invalid = أيام الأسبوع هي ⁨mon⁩ و⁨tue⁩ و⁨wed⁩ و⁨thu⁩ و⁨fri⁩ و⁨sat⁩ و⁨sun⁩.
availability-time-invalid = اكتب الأوقات بصيغة ⁨HH:MM⁩، مثل 09:00، وحدّد وقتَي البداية والنهاية كليهما.
availability-interval-order = يجب أن تأتي كل نهاية بعد بدايتها (أقصى نهاية هي 24:00).
availability-interval-overlap = هذه الساعات متداخلة؛ اجعل كل فترة تنتهي قبل أن تبدأ التالية.
availability-too-many-intervals = 10 فترات في اليوم على الأكثر.
availability-date-invalid = اكتب التواريخ بصيغة ⁨YYYY-MM-DD⁩.
availability-date-repeated = لا يكون لكل تاريخ إلا استثناء واحد.
availability-too-many-overrides = 400 استثناء للتواريخ على الأكثر.
availability-time-off-invalid = حدّد الإجازة بتاريخ ووقت للبداية وتاريخ ووقت للنهاية.
availability-time-off-order = يجب أن تنتهي الإجازة بعد بدايتها، وألا تتجاوز مدتها سنة.
availability-too-many-time-off = 500 فترة إجازة على الأكثر.
availability-buffer-invalid = الوقت الفاصل دقائق كاملة من 0 إلى 240.
availability-notice-invalid = الحد الأدنى للمهلة المسبقة دقائق كاملة من 0 إلى 43200 (30 يومًا).
availability-horizon-invalid = مدى الحجز المسبق من 1 إلى 365 يومًا.
availability-durations-empty = قدّم مدة جلسة واحدة على الأقل.
availability-duration-invalid = قدّم 6 مدد للجلسات على الأكثر.
availability-duration-no-rate = تحتاج كل مدة جلسة تقدّمها إلى سعر في طلبك أولًا.
availability-step-invalid = تبدأ المواعيد كل 5 إلى 240 دقيقة، بمضاعفات 5.
availability-cap-invalid = الحد اليومي من 1 إلى 48 جلسة، أو اتركه فارغًا لعدم وضع حد.

## المحرر
availability-title = أوقات توفرك
availability-intro = حدّد الساعات التي يمكن للمتعلمين الحجز فيها، بمنطقتك الزمنية. يراها المتعلمون محوّلة إلى مناطقهم.
availability-saved = حُفظت أوقات التوفر. يرى المتعلمون التغيير فورًا.
availability-no-profile = أوقات التوفر جزء من ملف الخبير. ابدأ طلبك أولًا.
availability-start-application = ابدأ طلبك
availability-zone = منطقتك الزمنية
availability-zone-hint = اسم من ⁨IANA⁩، مثل ⁨Europe/Madrid⁩. كل الأوقات في هذه الصفحة بهذه المنطقة.
availability-weekly = الساعات الأسبوعية
availability-weekly-hint = فعّل الأيام التي تعمل فيها وحدّد ساعاتها؛ يمكن أن يكون لليوم عدة فترات. اجعل النهاية 00:00 للعمل حتى منتصف الليل.
availability-from = من
availability-to = إلى
availability-row = { $day }، الفترة { $n }
availability-not-saved = تم التغيير ولم يُحفظ بعد: اضغط «حفظ أوقات التوفر» للاحتفاظ به.
availability-day-bookable = متاح للحجز
availability-day-unavailable = غير متاح: لا يمكن للمتعلمين الحجز في هذا اليوم.
availability-remove = إزالة
availability-remove-row = إزالة { $row }
availability-add = إضافة فترة
availability-copy = نسخ إلى أيام أخرى
availability-copy-to = نسخ ساعات { $day } إلى
availability-copy-button = نسخ ساعات { $day }
availability-row-time-invalid = { $day }، الفترة { $n }: حدّد وقت بداية ووقت نهاية.
availability-row-order = { $day }، الفترة { $n } ({ $from }–{ $to }): يجب أن تأتي النهاية بعد البداية. اجعل النهاية 00:00 للعمل حتى منتصف الليل.
availability-row-overlap = { $day }، الفترة { $n } ({ $from }–{ $to }) تتداخل مع الفترة { $other }: اجعل كل فترة تنتهي قبل أن تبدأ التالية.
availability-row-too-many = { $day }: { $most } فترات كحد أقصى في اليوم.
availability-overrides = استثناءات التواريخ
availability-overrides-hint = استبدل ساعات تاريخ معيّن، مثل «⁨10:00-13:00, 15:00-18:00⁩»؛ واترك الساعات فارغة لإغلاق اليوم. امسح التاريخ لإزالة الاستثناء.
availability-override-date = التاريخ
availability-override-hours = الساعات في ذلك اليوم
availability-time-off = الإجازات
availability-time-off-hint = لا يمكن حجز أي شيء بين هذه التواريخ والأوقات.
availability-time-off-from = تبدأ
availability-time-off-to = تنتهي
availability-settings = إعدادات الحجز
availability-buffer-before = وقت فارغ قبل كل جلسة (بالدقائق)
availability-buffer-after = وقت فارغ بعد كل جلسة (بالدقائق)
availability-notice = الحد الأدنى للمهلة المسبقة (بالدقائق)
availability-notice-hint = لا يمكن للمتعلمين الحجز قبل هذه المهلة. 240 دقيقة تساوي 4 ساعات.
availability-horizon = إلى أي مدى مسبقًا يمكن للمتعلمين الحجز (بالأيام)
availability-horizon-hint = تمتد أوقات البدء حتى نهاية اليوم الأخير بتوقيتك: 60 يومًا تُحجز في 1 مارس تمتد حتى 30 أبريل.
availability-align = اعرض موعد بدء فور انتهاء جلسة أو وقت مشغول
availability-align-hint = عند الإيقاف: تبقى أوقات البدء على شبكتك (جلسة مدتها 15 دقيقة في 10:00 تجعل البدء التالي 10:30). عند التشغيل: يتبع البدء التالي النهاية (10:15)، مع وقتك الحر قبل كل جلسة.
availability-durations = مدد الجلسات المتاحة
availability-durations-hint = لا يمكن تقديم إلا المدد التي لها سعر في طلبك.
availability-step = يبدأ موعد متاح كل
availability-cap = أقصى عدد من الجلسات في اليوم
availability-cap-hint = اتركه فارغًا لعدم وضع حد.
availability-minutes = { $minutes } دقيقة
availability-save = حفظ أوقات التوفر
availability-preview = الأيام الأربعة عشر القادمة كما سيراها المتعلمون
availability-preview-hint = جلسات مدتها { $minutes } دقيقة، معروضة بمنطقتك الزمنية ({ $zone }).
availability-preview-unlisted = يرى المتعلمون هذه الأوقات بعد نشر ملفك.
availability-preview-empty = لا أوقات متاحة في الأيام الأربعة عشر القادمة.
availability-preview-none = احفظ ساعاتك لترى معاينة.

## أيام الأسبوع
weekday-mon = الاثنين
weekday-tue = الثلاثاء
weekday-wed = الأربعاء
weekday-thu = الخميس
weekday-fri = الجمعة
weekday-sat = السبت
weekday-sun = الأحد

## منتقي المواعيد
slots-title = احجز جلسة
slots-zone = الأوقات معروضة بتوقيت
slots-zone-hint = مدينة أو منطقة زمنية، مثل ⁨Berlin⁩ أو ⁨America/New_York⁩: اختر واحدة من القائمة.
slots-zone-invalid = «{ $zone }» ليست مدينة أو منطقة زمنية نعرفها: اختر واحدة من القائمة.
slots-part-morning = الصباح
slots-part-afternoon = بعد الظهر
slots-part-evening = المساء
slots-day-free = { $date }: أوقات متاحة
slots-day-free-shown = { $date }: أوقات متاحة، معروضة أدناه
slots-previous-month = الشهر السابق
slots-next-month = الشهر التالي
slots-month-hint = الأيام التي فيها أوقات متاحة روابط: اختر يومًا لترى الأسبوع بدءًا منه. في التقويم، تنتقل مفاتيح الأسهم بينها.
slots-chosen = جلستك:
slots-duration = مدة الجلسة
slots-show = اعرض الأوقات
slots-week = من { $from } إلى { $to }
slots-previous-week = الأسبوع السابق
slots-next-week = الأسبوع التالي
slots-none-day = لا أوقات متاحة
slots-none-week = لا أوقات متاحة هذا الأسبوع. جرّب الأسبوع التالي.
slots-no-hours = لم ينشر هذا الخبير ساعاته بعد.
slots-slot-label = { $date }، { $time } ({ $zone })، { $minutes } دقيقة
slots-clock-change = يتغيّر التوقيت في { $zone } يوم { $date }: تصبح الساعة { $before } هي { $after }. تُعرض الأوقات القريبة من هذا التغيير كما ستُظهرها الساعة حينها.
slots-expert-zone = يعمل الخبير بتوقيت { $zone }.
slots-book-soon = هذا الوقت متاح الآن. يُفتح الحجز والدفع قريبًا.

## الموعد المختار
slot-review-title = جلستك
slot-review-your-time = بتوقيتك
slot-review-expert-time = بتوقيت الخبير
slot-review-length = المدة
slot-review-price = السعر
slot-review-gone = لم يعد هذا الوقت متاحًا. اختر وقتًا آخر.
slot-review-back = العودة إلى الأوقات

## تقويم الاستثناءات
availability-calendar-hint = اختر تاريخًا لتحدّد له ساعات أخرى أو تغلقه؛ يُضاف إلى الصفوف أدناه.
availability-day-open = الساعات المعتادة
availability-day-special = ساعات أخرى
availability-day-closed = مغلق
availability-day-time-off = إجازة
availability-day-none = لا ساعات
availability-day-link = { $date }: { $state }. حدّد ساعات أخرى لهذا التاريخ.
weekday-short-mon = اثنين
weekday-short-tue = ثلاثاء
weekday-short-wed = أربعاء
weekday-short-thu = خميس
weekday-short-fri = جمعة
weekday-short-sat = سبت
weekday-short-sun = أحد
