import { benchCollectionWalk } from './whoopClient.bench'

await benchCollectionWalk()
