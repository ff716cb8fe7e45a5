"""Arabic-script names: Syrian and Iraqi Arabic, Afghan Dari and Pashto."""

from .names import Pool

ARABIC_MALE = Pool("""
محمد|Mohamed, Muhammad, Mohammed, Mohammad, Mohamad|20
أحمد|Ahmed, Ahmad|10
علي|Ali|8
عمر|Omar, Umar|6
خالد|Khaled, Khalid|6
يوسف|Youssef, Yousef, Yusuf|5
حسن|Hassan, Hasan|5
حسين|Hussein, Hussain, Husain|5
إبراهيم|Ibrahim, Ebrahim|4
مصطفى|Mustafa, Moustafa, Mostafa|4
عبدالله|Abdullah, Abdallah|4
محمود|Mahmoud, Mahmud|4
سامر|Samer|2
وليد|Walid, Waleed|2
طارق|Tarek, Tariq|2
زياد|Ziad, Ziyad|2
فراس|Firas|1
باسل|Basel, Basil|1
عمار|Ammar|1
رامي|Rami|1
حيدر|Haider, Haidar, Hayder|2
عباس|Abbas|2
""")
ARABIC_FEMALE = Pool("""
فاطمة|Fatima, Fatma, Fatimah|8
مريم|Mariam, Maryam|6
نور|Nour, Noor|5
زينب|Zainab, Zeinab|5
آية|Aya, Ayah|4
سارة|Sara, Sarah|4
رنا|Rana|3
هبة|Hiba, Heba|3
ريم|Reem, Rim|3
لين|Leen, Lin|2
دعاء|Doaa, Duaa|2
رغد|Raghad|2
أمل|Amal|2
خديجة|Khadija, Khadijah|2
سلمى|Salma|2
هدى|Huda, Hoda|2
ياسمين|Yasmin, Yasmine|2
ليلى|Layla, Leila, Laila|2
""")
SYRIAN_FAMILY = Pool("""
الحسن|Al-Hassan, Al Hassan, Alhassan, El-Hassan|5
الأحمد|Al-Ahmad, Al Ahmad, Alahmad|5
الخطيب|Al-Khatib, Al Khatib, El-Khatib|4
حداد|Haddad|3
خليل|Khalil, Khaleel|3
المصري|Al-Masri, Al Masri, El-Masri|3
الحلبي|Al-Halabi, Halabi|3
العلي|Al-Ali, Alali|4
الشامي|Al-Shami, Al Shami|2
النجار|Al-Najjar, Al Najjar, Najjar|3
الحمصي|Al-Homsi, Homsi|2
عثمان|Othman, Osman, Uthman|3
سليمان|Suleiman, Sulaiman, Sleiman|3
حمدان|Hamdan|2
درويش|Darwish, Darwich|2
قاسم|Kassem, Qasim, Kasim|2
الزعبي|Al-Zoubi, Al Zoubi, Alzoubi|1
""")
IRAQI_FAMILY = Pool("""
الجبوري|Al-Jubouri, Al-Jabouri, Aljuboori|4
الدليمي|Al-Dulaimi, Al-Dulaymi|3
التميمي|Al-Tamimi, Al Tamimi|4
العبيدي|Al-Obaidi, Al-Ubaidi|3
الساعدي|Al-Saadi, Al-Sa'adi|3
الربيعي|Al-Rubaie, Al-Rubaiee|2
الموسوي|Al-Musawi, Al-Moussawi|2
الشمري|Al-Shammari, Al Shammari|3
العزاوي|Al-Azzawi, Al Azawi|2
الحسيني|Al-Husseini, Al-Hussaini|2
""")
DARI_MALE = Pool("""
محمد|Mohammad, Muhammad, Mohammed|10
احمد|Ahmad, Ahmed|6
نور|Noor, Nur|3
ولی|Wali, Vali|3
رحیم|Rahim, Raheem|3
فرید|Farid, Fareed|3
جاوید|Javid, Jawed, Javed|3
حمید|Hamid, Hameed|3
عبدالله|Abdullah|3
مصطفی|Mustafa|2
نجیب|Najib, Najeeb|2
شفیق|Shafiq, Shafik|2
گل|Gul|2
زلمی|Zalmai, Zalmay|2
سهراب|Sohrab|1
""")
DARI_FEMALE = Pool("""
فریبا|Fariba|3
مریم|Maryam, Mariam|4
زهرا|Zahra|4
شکیلا|Shakila|2
نازنین|Nazanin|2
ملالی|Malalai, Malalay|2
فرشته|Fereshta, Fereshteh|2
صدیقه|Sediqa, Sadiqa|2
نرگس|Nargis, Narges|2
پروانه|Parwana, Parvaneh|2
""")
AFGHAN_FAMILY = Pool("""
احمدی|Ahmadi|6
محمدی|Mohammadi, Muhammadi|5
رحیمی|Rahimi|4
حیدری|Haidari, Heidari, Haydari|4
نوری|Noori, Nouri|3
یوسفزی|Yousafzai, Yusufzai|3
پوپلزی|Popalzai|2
وردک|Wardak|3
صافی|Safi|3
کاکړ|Kakar|2
هاشمی|Hashimi, Hashemi|3
سلطانی|Sultani, Soltani|3
""")
