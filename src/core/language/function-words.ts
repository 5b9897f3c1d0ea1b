/**
 * The most frequent function words (articles, pronouns, prepositions, conjunctions, auxiliaries)
 * of each language the detector tells apart inside one script. Running prose is about 40-50 %
 * function words, so the share of a text's words found in a list is a strong, cheap signal
 * that needs no training data. Words shared by close languages stay in both lists; the shares
 * still differ.
 */
export const LATIN_FUNCTION_WORDS: Readonly<Record<string, string>> = {
  en: 'the of and to in is that for it was on with as by at he she are be this from have has not but or an they which were his her said will would their its been who had we you there more also than after when what about into one no',
  es: 'el la los las de del y en que un una por con para es se no su sus al lo como más pero fue ha son le ya o este esta entre también sobre sin muy hay porque desde cuando todo donde han nos',
  pt: 'o a os as de do da dos das e em no na nos nas que um uma por com para é se não seu sua ao mais como mas foi são também pelo pela entre sobre sem muito há quando já ou isso ele ela',
  fr: 'le la les de des du et en un une est que qui dans pour pas sur au aux avec ce cette il elle se sont par plus ne ont été mais ou son sa ses leur nous vous aussi comme entre sans',
  de: 'der die das und in den von zu mit ist im dem nicht ein eine des auf für sich auch es als an werden aus er hat dass sie nach wird bei einer um noch wie einem über so zum war haben nur oder aber vor zur bis',
  it: 'il la le lo gli di del della dei delle e in che un una per con non è si da al alla sono ha come più ma anche questo questa nel nella tra dopo sulla sul suo sua loro essere',
  nl: 'de het een en van in is dat op te zijn met voor niet die er aan ook als bij door om maar of dan wordt nog uit naar heeft over zo hij zij worden wel al deze was',
  sv: 'och i att det som en på är av för med till den har de inte om ett men var jag så från sig vid kan hade ska eller efter vi när även nu bara mot',
  da: 'og i at det som en på er af for med til den har de ikke om et men var jeg så fra sig ved kan havde skal eller efter vi når også nu bare mod',
  no: 'og i at det som en på er av for med til den har de ikke om et men var jeg så fra seg ved kan hadde skal eller etter vi når også nå bare mot',
  pl: 'i w na z się że do nie to jest o jak ale po co tak za od przez przy jego jej oraz czy już tylko być był była są ten ta te który która które dla',
  cs: 'a v na se že je to s do o jak ale po z za od by jsou byl byla jeho její který která které pro při také už jen nebo ve k i',
  ro: 'și de la în a cu că pe un o este din care nu se mai au fost sunt pentru ca sau dar le lui ei acest această după prin',
  tr: 've bir bu da de için ile ne çok daha olarak gibi en ama kadar sonra her var olan oldu değil ancak ya göre şu ki mi',
  id: 'yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh saat atau sudah telah bisa mereka kami kita adalah sebagai',
  hu: 'a az és hogy nem is egy de meg van volt el csak már mint ki be fel még ez azt ha vagy majd után között',
  fi: 'ja on ei se että oli hän mutta kun tai ovat myös joka sekä kuin mukaan vain nyt jo niin sen ole olisi',
};

/** Function words of the Cyrillic-script languages. */
export const CYRILLIC_FUNCTION_WORDS: Readonly<Record<string, string>> = {
  ru: 'и в не на что с по как это он она они к из у за о от но же для так все был была были его её их уже если или бы только мы вы я когда то был также этот эта который которая при до после',
  uk: 'і в не на що з по як це він вона вони до із у за про від але же для так все був була були його її їх вже якщо або б тільки ми ви я коли також цей ця який яка при після та й',
  bg: 'и в не на че с по как това той тя те към от за но да се е са беше бяха го ги ще вече ако или само ние вие аз когато също този тази който която при след',
};
