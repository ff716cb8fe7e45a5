"""Latin-script names (Filipino, Turkish, Nigerian) and Ge'ez-script Tigrinya names."""

from .names import Pool

FILIPINO_MALE = Pool("""
Jose|Jose|4
Juan|Juan|3
Mark Anthony|Mark Anthony|2
John Paul|John Paul|3
Jerome|Jerome|2
Rodel|Rodel|2
Arnel|Arnel|2
Christian|Christian|2
""")
FILIPINO_FEMALE = Pool("""
Maria|Maria|5
Maricel|Maricel|3
Jennifer|Jennifer|3
Rowena|Rowena|2
Analyn|Analyn|2
Kristine|Kristine, Christine|2
Mary Grace|Mary Grace|3
Lovely|Lovely|1
""")
FILIPINO_FAMILY = Pool("""
Santos|Santos|5
Reyes|Reyes|5
dela Cruz|Dela Cruz, De la Cruz|4
Garcia|Garcia|4
Mendoza|Mendoza|3
Bautista|Bautista|3
Villanueva|Villanueva|2
Ramos|Ramos|3
Aquino|Aquino|2
Castillo|Castillo|2
""")
TURKISH_MALE = Pool("""
Mehmet|Mehmet|6
Mustafa|Mustafa|5
Ahmet|Ahmet|5
Ali|Ali|4
Hüseyin|Huseyin, Hueseyin|4
Emre|Emre|3
Murat|Murat|3
Burak|Burak|2
""")
TURKISH_FEMALE = Pool("""
Ayşe|Ayse, Aysche|5
Fatma|Fatma|5
Zeynep|Zeynep|4
Elif|Elif|4
Emine|Emine|3
Hatice|Hatice|3
Merve|Merve|2
""")
TURKISH_FAMILY = Pool("""
Yılmaz|Yilmaz|6
Kaya|Kaya|5
Demir|Demir|5
Şahin|Sahin|4
Çelik|Celik|4
Yıldız|Yildiz|4
Aydın|Aydin|3
Öztürk|Ozturk, Oeztuerk|3
Arslan|Arslan|3
Doğan|Dogan|3
""")
NIGERIAN_MALE = Pool("""
Chukwuemeka|Chukwuemeka|3
Oluwaseun|Oluwaseun|3
Abubakar|Abubakar|3
Emeka|Emeka|3
Ibrahim|Ibrahim|3
Tunde|Tunde|2
Chinedu|Chinedu|2
Samuel|Samuel|3
""")
NIGERIAN_FEMALE = Pool("""
Ngozi|Ngozi|3
Adaeze|Adaeze|2
Funmilayo|Funmilayo|2
Aisha|Aisha, Aishat|3
Blessing|Blessing|3
Chioma|Chioma|3
Folake|Folake|2
Grace|Grace|3
""")
NIGERIAN_FAMILY = Pool("""
Okafor|Okafor|4
Adeyemi|Adeyemi|4
Musa|Musa|4
Okonkwo|Okonkwo|3
Balogun|Balogun|3
Eze|Eze|3
Bello|Bello|3
Olawale|Olawale|2
Nwosu|Nwosu|2
""")
TIGRINYA_MALE = Pool("""
ተስፋይ|Tesfay, Tesfai|5
ዳዊት|Dawit|4
ሚካኤል|Mikael, Michael|4
ዮሃንስ|Yohannes, Yohanes|4
ሰለሙን|Selemun, Solomon|3
ሄኖክ|Henok|3
ፍጹም|Fitsum|3
ብርሃነ|Berhane, Birhane|3
ኣማኑኤል|Amanuel|3
ሙሴ|Muse, Musie|2
""")
TIGRINYA_FEMALE = Pool("""
ሳባ|Saba|4
ሄለን|Helen|3
ሉዋም|Luwam|3
ፍሬወይኒ|Freweini, Frewoini|3
ዮርዳኖስ|Yordanos|3
ሰላም|Selam|4
ኤደን|Eden|3
ቅድስቲ|Kidisti, Kidusti|2
ኣዜብ|Azeb|2
""")
# Eritreans carry their father's given name: children's "family name" is the father's name.
TIGRINYA_FAMILY = Pool("""
ገብረመድህን|Gebremedhin, Gebremedhn|4
ተኽለ|Tekle|4
ሃይለ|Haile|4
ወልደሚካኤል|Weldemichael, Woldemichael|3
ኪዳነ|Kidane|3
ገብረሂወት|Gebrehiwet|3
ተወልደ|Tewelde|3
መሓሪ|Mehari|3
ዘርኣይ|Zerai, Zeray|3
ሃብተ|Habte|3
ተስፋማርያም|Tesfamariam|2
""")
