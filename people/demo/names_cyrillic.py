"""Cyrillic names: Ukrainian, Russian, Belarusian (masculine family-name forms)."""

from .names import Pool

UKRAINIAN_MALE = Pool("""
Олександр|Oleksandr, Olexandr, Oleksander|8
Андрій|Andrii, Andriy, Andrij|6
Дмитро|Dmytro|6
Сергій|Serhii, Serhiy, Sergii|6
Микола|Mykola|4
Іван|Ivan|4
Віталій|Vitalii, Vitaliy|3
Юрій|Yurii, Yuriy, Iurii|3
Богдан|Bohdan|3
Тарас|Taras|2
Володимир|Volodymyr|4
Максим|Maksym, Maxym|5
Артем|Artem|4
Денис|Denys|3
""")
UKRAINIAN_FEMALE = Pool("""
Олена|Olena|8
Оксана|Oksana|6
Наталія|Nataliia, Natalia, Nataliya|6
Ірина|Iryna, Irina|6
Юлія|Yuliia, Yulia, Iuliia|5
Тетяна|Tetiana, Tetyana|5
Світлана|Svitlana|4
Анастасія|Anastasiia, Anastasia|5
Марія|Mariia, Maria|4
Катерина|Kateryna|4
Софія|Sofiia, Sofia|4
Вікторія|Viktoriia, Victoria|4
Людмила|Liudmyla, Lyudmyla|3
""")
UKRAINIAN_FAMILY = Pool("""
Шевченко|Shevchenko|5
Коваленко|Kovalenko|5
Бондаренко|Bondarenko|5
Ткаченко|Tkachenko|4
Кравченко|Kravchenko|4
Олійник|Oliinyk, Oliynyk|4
Мельник|Melnyk|5
Коваль|Koval|3
Бойко|Boiko, Boyko|4
Поліщук|Polishchuk|3
Савчук|Savchuk|3
Лисенко|Lysenko|3
Ковальчук|Kovalchuk|4
Романюк|Romaniuk, Romanyuk|2
Петренко|Petrenko|3
Марченко|Marchenko|3
Гнатюк|Hnatiuk, Hnatyuk|2
Ковальський|Kovalskyi, Kovalsky|2
Вишневський|Vyshnevskyi, Vishnevsky|2
Литвиненко|Lytvynenko, Litvinenko|2
Руденко|Rudenko|3
Мороз|Moroz|2
Кузьменко|Kuzmenko|2
""")
RUSSIAN_MALE = Pool("""
Александр|Aleksandr, Alexander, Aleksander|8
Дмитрий|Dmitry, Dmitriy, Dmitrii|6
Сергей|Sergey, Sergei|6
Алексей|Aleksei, Alexey, Aleksey|5
Андрей|Andrei, Andrey|5
Михаил|Mikhail|4
Иван|Ivan|4
Никита|Nikita|3
Артём|Artem, Artyom|3
Евгений|Evgenii, Yevgeny, Evgeniy|3
""")
RUSSIAN_FEMALE = Pool("""
Анна|Anna|6
Екатерина|Ekaterina, Yekaterina|5
Ольга|Olga|5
Наталья|Natalia, Natalya|5
Татьяна|Tatiana, Tatyana|4
Мария|Maria, Mariia|4
Елена|Elena, Yelena|5
Юлия|Yulia, Iuliia, Yuliya|4
Ксения|Kseniia, Ksenia, Xenia|3
Дарья|Daria, Darya|3
""")
RUSSIAN_FAMILY = Pool("""
Иванов|Ivanov|5
Смирнов|Smirnov|5
Кузнецов|Kuznetsov, Kouznetsov|4
Попов|Popov|4
Соколов|Sokolov|3
Лебедев|Lebedev|3
Козлов|Kozlov|3
Новиков|Novikov|3
Морозов|Morozov|3
Волков|Volkov|3
Соловьёв|Solovyov, Soloviev, Solovev|2
Васильев|Vasilyev, Vasiliev|3
Зайцев|Zaitsev, Zaytsev|2
Фёдоров|Fedorov, Fyodorov|2
Никитин|Nikitin|2
Ильин|Ilyin, Ilin|2
Петровский|Petrovsky, Petrovskiy, Petrovskii|1
""")
BELARUSIAN_MALE = Pool("""
Аляксандр|Aliaksandr, Alexander|6
Сяргей|Siarhei, Sergei|5
Дзмітрый|Dzmitry, Dmitry|5
Андрэй|Andrei|4
Павел|Pavel|3
Уладзімір|Uladzimir, Vladimir|3
Мікалай|Mikalai, Nikolai|3
Ігар|Ihar, Igor|3
Юрый|Yury, Yuri|3
Раман|Raman, Roman|2
""")
BELARUSIAN_FEMALE = Pool("""
Алена|Alena, Alyona|5
Вольга|Volha, Olga|5
Святлана|Sviatlana, Svetlana|4
Наталля|Natallia, Natalia|4
Таццяна|Tatsiana, Tatiana|4
Ірына|Iryna, Irina|4
Марыя|Maryia, Maria|3
Кацярына|Katsiaryna, Ekaterina|3
Ганна|Hanna, Anna|3
""")
BELARUSIAN_FAMILY = Pool("""
Новік|Novik|3
Кавалёў|Kavaliou, Kovalev|3
Мельнік|Melnik|3
Казлоў|Kazlou, Kozlov|3
Лукашэвіч|Lukashevich|3
Бондар|Bondar|2
Шыманскі|Shymanski, Shimansky|2
Макарэвіч|Makarevich|2
Жукоўскі|Zhukouski, Zhukovsky|2
Калеснік|Kalesnik|2
Васілевіч|Vasilevich|3
Пазняк|Pazniak, Pozniak|2
""")
