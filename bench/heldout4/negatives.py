"""Negative items for heldout4: long pieces that mention past strikes but report no new one."""

NEGATIVES = [
("neg-opinion-pk", "2013-05-30", """
Opinion: A decade of drones has not bought Pakistan peace

We use cookies to improve your experience. Accept

ISLAMABAD - Nine years after the first American missile landed on a house near Wana, it is worth asking what the drone campaign in Pakistan's tribal areas has actually achieved.

Supporters point to the names. Nek Mohammad died in that first attack in June 2004. Baitullah Mehsud was killed on a rooftop in South Waziristan in August 2009. Dozens of mid-level commanders whose names meant little outside the agencies followed them. Each death was announced as a blow to the network, and each time the network found a replacement.

Opponents point to other names, the ones that rarely make the wire stories. The children of Damadola in 2006. The elders who gathered at a jirga in Datta Khel in March 2011 and never came home; local officials said more than 40 people died that day. The rescuers who ran towards a burning house and were hit by the second missile.

The numbers are disputed, and that is part of the problem. The Bureau of Investigative Journalism counts more than 370 strikes since 2004 and estimates that between 2,500 and 3,500 people have been killed, several hundred of them civilians. The government in Washington has never published its own figures, and Islamabad's change depending on who is asking.

What is not disputed is that the strikes have become a political fact in Pakistan. Every party that contested this month's election promised to end them. Imran Khan led marches to the edge of Waziristan. Nawaz Sharif, who will soon be prime minister, has called them a challenge to sovereignty.

Advertisement

The pace has slowed: there were far fewer strikes last year than in 2010, when the campaign peaked. But a slower war is still a war, and the people of North Waziristan still live under the hum of engines they cannot see.

If the new government wants a different policy, it will need more than speeches. It will need to offer the tribal areas something the drones never could: a state that shows up.

Comments (2)
Khalid R: Well argued. The jirga strike in 2011 should have ended this.
Mark T: The drones kill people who would otherwise be killing Pakistanis.
"""),
("neg-compensation-hearing", "2014-04-15", """
Peshawar court hears drone victims' compensation petition

PESHAWAR, Pakistan - Relatives of men killed in American drone strikes asked the Peshawar High Court on Tuesday to order the federal government to pay compensation and to register criminal cases over the deaths.

The petition, filed on behalf of eleven families from North Waziristan, lists strikes going back to 2009, including an attack on a house in Mir Ali in 2010 in which the petitioners say four members of one family died, and a strike on a car near Miranshah that killed two students.

Lawyers for the families told a two-judge bench that the state had a duty to protect its citizens and could not look away because the weapons were fired by a foreign power. "The constitution does not have an exception for drones," one lawyer said.

A deputy attorney general argued that the federal government had already protested to Washington through diplomatic channels and that compensation was a matter for the political administration of the tribal areas, not the courts.

Share this article

The court has ruled on drones before. In May 2013, then chief justice Dost Muhammad Khan declared the strikes illegal and a war crime, and directed the government to take the matter to the United Nations. Petitioners say nothing has been done since.

One of the fathers in court, who gave his name as Karim Khan, said his son and brother had been killed by a missile while sitting in their guest room. "I do not want money. I want someone to say it was wrong," he said outside the courtroom.

No drone strike has been reported in Pakistan since late December, the longest pause since the campaign intensified in 2008. Analysts link the lull to peace talks between the government and the Pakistani Taliban.

The Bureau of Investigative Journalism counts about 380 US strikes in Pakistan since 2004, which it estimates killed between 2,300 and 3,700 people.

The bench adjourned the hearing until next month and asked the foreign ministry to file a written reply.
"""),
("neg-lull", "2014-05-20", """
Five months without a drone strike: Waziristan waits

MIRANSHAH - For the first time in years, the skies over North Waziristan have been quiet. No American drone strike has been reported in Pakistan since December 25, when missiles hit a compound near Miranshah, and residents say the constant buzzing overhead has faded.

"We sleep better now," said a shopkeeper in the town's main bazaar who asked not to be named. "But everyone is waiting. Nobody believes it is finished."

The pause is the longest since the CIA escalated its campaign in the summer of 2008. Last year there were 27 strikes, according to the Bureau of Investigative Journalism, down from a peak of 128 in 2010. The Bureau's running count since 2004 stands at 381 strikes and between 2,296 and 3,718 deaths.

Advertisement

Officials in Islamabad have attributed the lull to the government's peace talks with the Pakistani Taliban, which began in February. American officials have said only that the programme continues and that strikes are carried out when a target presents itself and the legal criteria are met.

Militants appear to be using the time. Residents describe fighters moving more openly, holding meetings in daylight and recruiting young men from the bazaars. The army, which has massed troops at the edge of the agency, has carried out several air raids with its own jets since January, saying it was responding to attacks on its convoys.

The last strikes of 2013 fell in quick succession: a seminary in Hangu district was hit in November, killing at least six people, and the December attack near Miranshah killed four.

Analysts caution against reading too much into the silence. "There have been gaps before, of a month or six weeks," said a researcher at a think tank in Islamabad. "This is longer, but the machinery is still there."

For now, the farmers of the valley are planting their fields and watching the sky.
"""),
("neg-drone-base", "2016-09-30", """
US builds $100 million drone base in the Sahara

NIAMEY, Niger - The US Air Force is building a base for armed drones outside the city of Agadez in central Niger, a project that will cost about $100 million and extend the reach of American surveillance across the Sahel, officials said this week.

The base, known as Air Base 201, will host MQ-9 Reaper aircraft that are currently flown from a military airport in the capital. Construction of a runway and hangars is expected to take two years.

American officials say the drones will be used to watch militant groups linked to al-Qaeda and the Islamic State operating in Mali, Libya, Nigeria and the Lake Chad basin. They have not said whether the aircraft will carry weapons on missions from Agadez, although Niger's government has since authorised armed flights.

The project reflects a broader shift in how the United States fights militant groups. From bases in Djibouti, Sicily and now Niger, drones have become the central instrument of the counter-terrorism campaign in Africa. In Somalia, US Africa Command has carried out dozens of air strikes against al-Shabaab since 2007; one strike in March this year on a training camp at Raso killed about 150 fighters, according to the Pentagon.

[video]

In Yemen, strikes flown from bases in the region have killed hundreds of people since 2002, including the 2011 attack that killed the American-born cleric Anwar al-Awlaki in al-Jawf province.

Residents of Agadez have mixed feelings. Some welcome the jobs and the money that the construction has brought. Others worry that the base will make the town a target. "We already have enough problems with smugglers and bandits," said a local councillor.

Human rights groups have asked the Pentagon to publish the rules that govern strikes in the region. The Bureau of Investigative Journalism estimates that US strikes in Somalia alone have killed between 300 and 400 people since 2007.

The Air Force said environmental and security assessments had been completed and that the base would be operated jointly with Niger's military.
"""),
("neg-stats-report", "2017-01-18", """
Report: Obama's covert war in numbers

LONDON - Barack Obama authorised ten times more air strikes in the covert war on terror than George W Bush, according to a tally published on Tuesday by the Bureau of Investigative Journalism.

The Bureau's figures show 563 strikes, largely by drones, in Pakistan, Somalia and Yemen during Obama's two terms, compared with 57 under Bush. The group estimates those strikes killed between 384 and 807 civilians.

Pakistan accounted for most of the attacks. The campaign there peaked in 2010, when the Bureau recorded 128 strikes, and has declined steadily since; only three were recorded in 2016, among them the May strike in Balochistan that killed the Afghan Taliban leader Mullah Akhtar Mansour.

In Yemen, the pattern has been uneven. The deadliest attack in the Bureau's data came in December 2009 at al-Majala in Abyan province, where cluster munitions killed more than 40 civilians, many of them women and children. Strikes rose sharply in 2012 and again in 2016 as al-Qaeda in the Arabian Peninsula seized territory.

Share this article

Somalia has seen the sharpest recent increase. Last year the US carried out at least 14 strikes there, several of them large raids on al-Shabaab training camps.

The report also counts strikes in Afghanistan, which the US government does not treat as part of the covert programme. The Bureau began tracking them in 2015 and has since recorded more than 1,000 strikes there.

The White House published its own estimate last July, saying that strikes outside active war zones had killed between 64 and 116 civilians between 2009 and 2015. The Bureau says its own minimum is six times higher.

"The administration made some effort at transparency, but the numbers remain a mystery," said the report's author. "The next president inherits a machine with almost no public rules."

President-elect Donald Trump has not said what he will do with the programme.
"""),
("neg-afghan-civcas-review", "2016-02-10", """
UN: civilian casualties from air strikes in Afghanistan doubled last year

KABUL - Civilian deaths and injuries caused by air operations in Afghanistan nearly doubled in 2015, the United Nations said in its annual report on the protection of civilians, released on Wednesday.

The UN mission in Afghanistan documented 296 civilian casualties from aerial attacks, including 149 deaths, most of them attributed to international forces. Overall, it recorded 11,002 civilian casualties in 2015, the highest figure since it began keeping count in 2009.

The report singled out the October attack on the Medecins Sans Frontieres trauma hospital in Kunduz, in which 42 people were killed, as the worst single incident involving air power. It also noted strikes in Nangarhar province against fighters loyal to the Islamic State, where villagers in Achin and Nazyan districts have complained of losses among farmers and shepherds.

The report says ground fighting remained the main cause of civilian harm, followed by roadside bombs and suicide attacks. Taliban fighters and other anti-government groups were responsible for 62 percent of all casualties, it found.

Advertisement

US forces in Afghanistan said they had changed their procedures after Kunduz and that every allegation of civilian harm was investigated. "We take every report seriously," a spokesman said.

Afghan officials said the air force was still learning to use its own light attack aircraft and that the growing use of air power was a consequence of reduced international ground support.

The UN called on all parties to take feasible precautions, including verifying targets and avoiding residential areas. It also asked the Afghan government to set up a unit to track civilian casualties caused by its own forces.

Human rights groups said the true figures were likely higher, because many strikes happen in areas controlled by insurgents where investigators cannot go.
"""),
("neg-yemen-analysis", "2017-03-20", """
Analysis: Yemen's war gives al-Qaeda room, and the drones return

ADEN - Two years into Yemen's civil war, al-Qaeda in the Arabian Peninsula is weaker than at its 2015 peak but far from beaten, and the United States has responded with its most intense air campaign in the country to date.

For a year, AQAP ran the port city of Mukalla as a mini-state, collecting taxes and running courts, until Emirati-backed forces drove it out in April 2016. The group melted into the valleys of Shabwa, Abyan and al-Bayda, where tribal alliances give it shelter.

The American response has been intense. In early March, US aircraft carried out more than 30 strikes over two nights across three provinces, more than in any previous full year, according to the Pentagon. That followed the January raid in Yakla, in al-Bayda, where a Navy SEAL was killed along with as many as 25 civilians, according to local accounts.

[video]

The Bureau of Investigative Journalism has recorded more than 150 confirmed US drone strikes in Yemen since 2002, with up to 1,000 people killed, including at least 100 civilians.

Critics say the strikes treat the symptoms. "AQAP grows wherever the state is absent and wherever people feel abandoned," said a Yemeni analyst in Sanaa. "A missile cannot fix that."

Supporters point to the leaders who have been removed: Nasir al-Wuhayshi, killed near Mukalla in June 2015; Ibrahim al-Rubaish, killed in April that year; and a string of bomb-makers.

The wider war continues to grind on. The Saudi-led coalition and Houthi forces remain locked in stalemate along the Red Sea coast, and the United Nations says 19 million people need humanitarian aid.

Few in Yemen expect the strikes to stop soon. The new administration in Washington has reportedly loosened the approval process for attacks, designating parts of three provinces as areas of active hostilities.
"""),
("neg-somalia-policy", "2017-04-01", """
Trump gives military more freedom to strike al-Shabaab

MOGADISHU, Somalia - President Donald Trump has approved a Pentagon request to give commanders wider authority to carry out air strikes against al-Shabaab in Somalia, US officials said on Thursday.

Under the new rules, parts of southern Somalia will be treated as areas of active hostilities for at least 180 days. Commanders will no longer need to show that a target poses an imminent threat to Americans, and the standard for avoiding civilian casualties will be relaxed, critics say.

The United States has carried out strikes in Somalia since January 2007, when gunships attacked suspected al-Qaeda members near Ras Kamboni. The pace rose under President Obama: last year, the Bureau of Investigative Journalism counted at least 14 strikes, including an attack on a camp at Raso in March in which the Pentagon said more than 150 fighters died.

Share this article

Somali officials welcomed the change. "We need every tool," said a senior security official in Mogadishu, adding that the group still controls much of the countryside in Lower Shabelle, Middle Juba and Bay.

Aid agencies were more cautious. The country is on the brink of famine, and humanitarian groups warned that more air strikes in rural areas could drive families from their farms and complicate the delivery of food.

Al-Shabaab, which pledged allegiance to al-Qaeda in 2012, has shown resilience. In January it overran a Kenyan base at Kulbiyow, and last October it carried out bombings in the capital that killed dozens.

The Bureau's figures put the total killed by US strikes in Somalia at between 400 and 550 people since 2007.

The new authority does not change the number of American troops in Somalia, about 50, most of whom advise local forces.

Comments (2)
abdi_k: They said the same about 2007. Ten years later, same war.
Nairobi_reader: The Raso strike was 150 dead. How many were really fighters?
"""),
("neg-book-review", "2015-11-08", """
Book review: counting the dead of a secret war

We use cookies on this site. By continuing you agree to our cookie policy.

A new book by a former intelligence analyst sets out to do something that governments have been reluctant to do: put names and numbers to the people killed in America's drone wars.

The author spent four years assembling records of strikes in Pakistan, Yemen and Somalia, combing through local news reports, court documents and interviews with survivors. The result is part ledger, part memoir.

The strongest chapters deal with specific incidents. There is the March 2011 strike on a tribal jirga in Datta Khel, North Waziristan, which killed dozens of elders who had gathered to settle a dispute over a chromite mine. There is the December 2013 attack on a wedding convoy near Radaa in Yemen, in which up to 12 people died. There is the 2008 strike near Dhusamareb in Somalia that killed Aden Hashi Ayro, al-Shabaab's military chief, along with several civilians.

Advertisement

The author is careful with numbers. Where sources disagree he gives ranges, and he devotes a chapter to how officials in Washington and local officials in Miranshah or Sanaa arrive at very different counts of the same attack.

The book is weaker on policy. Its closing argument, that the programme should be transferred from the CIA to the military, is made briefly and without much engagement with the objections.

Still, it is a valuable record. The Bureau of Investigative Journalism, whose data the author draws on heavily, counts more than 500 strikes in the three countries since 2002 and between 2,500 and 4,000 deaths.

Readers looking for a history of the technology will be disappointed; the Predator and the Reaper appear mostly as sounds in the sky. But as an account of what those sounds meant on the ground, it is hard to put down.
"""),
("neg-parliament-debate", "2012-04-13", """
Pakistan parliament demands end to drone strikes

ISLAMABAD - Pakistan's parliament on Thursday unanimously approved new terms for relations with the United States, demanding an immediate end to American drone strikes in the tribal areas and an apology for the NATO air attack that killed 24 Pakistani soldiers last November.

The resolution, drawn up by a parliamentary committee after months of debate, also calls for a review of the supply routes that carry NATO cargo to Afghanistan, which have been closed since the Salala border attack.

Lawmakers from across the spectrum spoke against the drone programme. One member from North Waziristan read out a list of villages that had been hit, from Datta Khel and Mir Ali to Shawal and Ghulam Khan. "Our people are told they are collateral," he said. "We are not collateral. We are citizens."

[video]

The debate comes at a time when the pace of strikes has slowed. There have been far fewer this year than in the same period of 2010, according to the Bureau of Investigative Journalism, which counts more than 320 US strikes in Pakistan since 2004 and estimates between 2,400 and 3,100 deaths.

A US embassy spokesman said Washington respected the review process and looked forward to discussing the recommendations with the government. American officials have said privately that the strikes will continue.

Analysts said the resolution was aimed more at domestic opinion than at changing American behaviour. "Parliament has said what it needed to say," said a retired general. "Whether the government acts on it is another question."

Elsewhere, security forces said they had killed several militants in a ground operation in Orakzai agency, and a bomb at a market in Kohat wounded a dozen people.

The prime minister said the government would implement the recommendations "in letter and spirit".
"""),
]
